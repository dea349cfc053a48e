"""durable-rules as a second engine for the declared conditions of the rules (issue 10).

``kompilator`` turns each rule's condition tree (and each expression leaf) into a
durable-rules ruleset, with its own small parser for the expression language, so the oracle
shares no code with the library's evaluator; ``durable_side`` runs durable-rules in a
subprocess with the workarounds of ``../shared/research/durable-rules.md``; ``test_oracle``
and ``kjor`` (``python tests/oracle/kjor.py``, a longer run) compare the two engines.
"""
