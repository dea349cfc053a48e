"""The few calculations that are code, not conditions (DESIGN § 2): § 18 utmåling so far."""
