"""The law as the library reads it: the rulebook (model, expressions, conditions), the rates, the
outcome algebra, the tree of a rule's evaluation, and the compiler that turns the rulebook into
Python.
"""
