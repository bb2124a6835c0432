"""`brandlint lsp`: a Language Server Protocol server over stdio. Only `linting` touches brandlint's
internals; `server` and `convert` speak LSP."""
