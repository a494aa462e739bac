"""The console's imports (invitee lists, delegates) and exports (delegations, delegates, travel),
as CSV and XLSX: a preview listing every error by row, all or nothing, no passport in clear."""
