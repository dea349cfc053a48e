"""The library's version, in a module of its own so that any module may name it.

``sosialregler.__version__`` re-exports it; a module inside the package imports it from here,
never from the package itself (which imports the public API, and so would close a circle).
It must equal ``version`` in pyproject.toml (a test holds them together).
"""

__version__ = "0.1.0"
