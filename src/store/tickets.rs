//! Reading every ticket whole (with its events), for reports.
