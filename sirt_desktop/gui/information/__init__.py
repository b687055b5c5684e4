"""The information sections (What is SIRT, Is SIRT for me, funding, ...): content pages and the checklist."""
