"""Automatic indicators: one small function per indicator, registered by name in `registry.COMPUTERS`."""
