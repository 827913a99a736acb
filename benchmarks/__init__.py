"""Benchmarks: each module is a command (``python -m benchmarks.<name>``) that prints a table
and writes ``benchmarks/results/<name>.json``; ``python -m benchmarks`` runs them all."""
