//! The eighteen functions themselves.
