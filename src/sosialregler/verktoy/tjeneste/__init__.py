"""The HTTP service (issue 20): ``sosialregler serve``, an ASGI app around the public API for
case systems that are not Python, and the citizen's estimate page.

Needs the optional extra ``tjeneste`` (``pip install "sosialregler[tjeneste]"``): nothing here
is imported by the library itself, and only the modules below import Starlette or uvicorn.

* ``app.py``: ``lag_app``, the ASGI app assembled from a list of routes (and the citizen
  page's, ``selvbetjening.ruter(regelbok=…)``, when that package is there);
* ``ruter.py``: the endpoints, each calling the code its command calls;
* ``svar.py``: rejections as HTTP, the body within its limits, the query by name, threads
  within the time limit;
* ``logg.py``: one JSON log line per request, request ids, the 500 of last resort;
* ``openapi.py``: the OpenAPI 3.1 document, written from the routes;
* ``skjema.py``: the case contract as JSON Schema 2020-12, generated from its classes (needs
  no extra);
* ``oppsett.py``: the service's own limits; ``server.py``: uvicorn and its workers;
* ``selvbetjening/``: the citizen's estimate page (``GET /``, ``POST /``).
"""
