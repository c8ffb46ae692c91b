"""Typed, safe and fast access to Zendesk Talk (Voice) for AI agents."""
