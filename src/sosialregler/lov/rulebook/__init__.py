"""The rule book: loading, validating and compiling the law as data."""
