"""The build of «Проблема с Ozon?»: its MkDocs plugins (ozon_help/plugins/, one package per plugin, in the
layout Material for MkDocs uses for its own) and the MkDocs-free modules they share.

dev/architecture.md shows the pipeline: each plugin in order, the events it handles, what it reads and
writes. Only modules under ozon_help/plugins/ may import MkDocs or Material (tests/test_architecture.py).
"""
