"""Tools: the command line, the REPL, follow-up and deadlines, supervision, test-case files and
hypothesis strategies, batch runs, NAV's application, the HTTP service, population runs and the
rulebook snapshot.
"""
