"""The liaison officers' pages: their delegations' arrivals and departures, nothing else."""
