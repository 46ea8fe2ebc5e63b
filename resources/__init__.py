"""Icons and styles of Exchange Desk, installed as package data."""
