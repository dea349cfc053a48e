"""The decision letter (vedtaksbrev) for the person who applied, in bokmål, nynorsk and English.

``lag_vedtaksbrev(vurdering, sprak)`` builds it (``bygg``), as data (``model``); ``tekst`` and
``html`` render it; the phrases are data in ``tekster``. See README «Vedtaksbrev».
"""

from .bygg import lag_vedtaksbrev
from .model import Avsnitt, Vedtaksbrev

__all__ = ["Avsnitt", "Vedtaksbrev", "lag_vedtaksbrev"]
