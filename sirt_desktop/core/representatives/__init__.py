"""Postcode → constituency → MP (and devolved member): the postcode data, seats, the MP list and the lookup."""
