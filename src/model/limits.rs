//! The limits of the format (`docs/format.md`, "Limits"): every size and range that readers
//! enforce and writers respect, so that whatever one clone writes every clone reads, and
//! whatever is on the branch costs a bounded amount to read.
//!
//! The per-tracker text limit (`max_text_bytes`) lives in [`crate::model::TrackerConfig`];
//! the fixed ones are here.

use crate::model::error::ValidationError;

/// The largest ticket number a `create` event may carry. A larger one makes the file
/// malformed; `new` refuses to go past it.
pub const MAX_NUMBER: u64 = 999_999_999;

/// The longest title, in characters (Unicode scalar values), on read and on write.
pub const MAX_TITLE_CHARS: usize = 256;

/// The longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 50;

/// The most labels one `label` event adds and removes together.
pub const MAX_LABELS_PER_EVENT: usize = 100;

/// The hard cap on one attachment, in bytes: readers report a larger blob (`verify`), and
/// `attachments.max_size` cannot be set higher.
pub const MAX_ATTACHMENT_BYTES: u64 = 64 * 1024 * 1024;

/// The default of `attachments.max_size` in `tracker.toml`: 5 MiB.
pub const DEFAULT_MAX_ATTACHMENT_BYTES: u64 = 5 * 1024 * 1024;

/// The smallest value `attachments.max_size` may be set to.
pub const MIN_MAX_ATTACHMENT_BYTES: u64 = 1;

/// The most files one `attach` event carries.
pub const MAX_ATTACHMENTS_PER_EVENT: usize = 32;

/// The longest attachment name, in characters.
pub const MAX_ATTACHMENT_NAME_CHARS: usize = 100;

/// The longest fingerprint of a `create` event, in characters, on read and on write.
pub const MAX_FINGERPRINT_CHARS: usize = 200;

/// The hard cap on one text of an event (description, solution, comment body, state message,
/// field value), in bytes of UTF-8: readers accept texts up to this size, and
/// `max_text_bytes` cannot be set higher.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// The default of `max_text_bytes` in `tracker.toml`: the largest text a writer accepts.
pub const DEFAULT_MAX_TEXT_BYTES: u64 = 1024 * 1024;

/// The smallest value `max_text_bytes` may be set to.
pub const MIN_MAX_TEXT_BYTES: u64 = 1024;

/// The largest event file a reader loads: the hard text cap plus room for the other fields.
/// A larger blob is reported malformed without being read.
pub const MAX_EVENT_FILE_BYTES: u64 = MAX_TEXT_BYTES + 64 * 1024;

/// The largest `tracker.toml` a reader loads; a larger one is reported malformed (and the
/// defaults apply), and a configuration change that would make it larger is refused.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The number of the next ticket, after the highest one a writer saw.
pub fn next_number(highest: u64) -> Result<u64, ValidationError> {
    match highest.checked_add(1) {
        Some(n) if n <= MAX_NUMBER => Ok(n),
        _ => Err(ValidationError::NumbersExhausted { max: MAX_NUMBER }),
    }
}

/// How a reader describes a file over its limit: `N bytes, over the limit of M bytes`.
pub fn too_large(bytes: u64, limit: u64) -> String {
    format!("{bytes} bytes, over the limit of {limit} bytes")
}

/// A text's length checked against `limit` bytes; `setting` names where the limit comes from.
pub(crate) fn check_bytes(
    field: &'static str,
    text: &str,
    limit: u64,
    setting: &'static str,
) -> Result<(), ValidationError> {
    let bytes = text.len() as u64;
    if bytes > limit {
        return Err(ValidationError::TextTooLong {
            field,
            bytes,
            limit,
            setting,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stop_at_the_maximum() {
        assert_eq!(next_number(0), Ok(1));
        assert_eq!(next_number(MAX_NUMBER - 1), Ok(MAX_NUMBER));
        for highest in [MAX_NUMBER, MAX_NUMBER + 7, u64::MAX] {
            let e = next_number(highest).unwrap_err();
            assert_eq!(e, ValidationError::NumbersExhausted { max: MAX_NUMBER });
            assert!(e.to_string().contains("999999999"), "{e}");
        }
    }

    #[test]
    fn the_limits_fit_together() {
        const { assert!(MIN_MAX_TEXT_BYTES <= DEFAULT_MAX_TEXT_BYTES) };
        const { assert!(DEFAULT_MAX_TEXT_BYTES <= MAX_TEXT_BYTES) };
        const { assert!(MAX_TEXT_BYTES < MAX_EVENT_FILE_BYTES) };
        // Numbers fit a TOML integer with room to spare, and so do their keys.
        const { assert!(MAX_NUMBER < i64::MAX as u64) };
    }
}
