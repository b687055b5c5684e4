"""Patient information: the content pages, their glossary, checklist and search, content packs and the appointment sheet."""
