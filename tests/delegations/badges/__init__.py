"""Badges: issued to accredited delegates only, numbered per conference, coloured by the common
scheme, revoked with a reason, reissued under a new number; the PDF and its QR code; the
console's actions."""
