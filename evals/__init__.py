"""Evaluation harness: question sets with gold answers, checkers, metrics, a retrieval baseline.

Imports only the public API of ``assistant``. Run it with ``assistant eval``; see ``evals.harness``.
"""
