"""Input: the case contract, its facts, the document limits and the one error type for a document
read; dates, decimals, JSON lines and paths in a document.
"""
