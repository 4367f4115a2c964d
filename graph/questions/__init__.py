"""Questions as staff type them: the vocabulary, the entities, the parse, and the families that answer."""
