"""Output: the assessment object and what is made from it: texts, what-if, records, decision
letters, labels and the shared page design.
"""
