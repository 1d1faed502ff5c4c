//! GitHub issues (placeholder, filled next).
