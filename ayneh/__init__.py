"""Ayneh: Persian-first PR newsroom, media monitoring and evaluation."""
