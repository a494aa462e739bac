"""The journalists' pages: the public media accreditation form and each journalist's own page.
Journalists never see the delegations' portal, and focal points never see these pages."""
