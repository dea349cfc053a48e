"""The HTTP service (issue 20): an ASGI app around the public API, and the citizen's estimate page.

Needs the optional extra ``tjeneste`` (``pip install "sosialregler[tjeneste]"``).
"""
