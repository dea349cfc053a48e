"""Evaluation: the engine, the derived facts, the areas of law that are still Python, the fact
catalogue, and loading the rulebook (which reads the areas' catalogue).
"""
