"""Monitoring pages: one module per part (coverage, search, operations), each calling selectors and services."""
