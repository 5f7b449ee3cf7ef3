//! Encoding and hashing intrinsics: `States.Base64Encode`, `States.Base64Decode` and
//! `States.Hash`.

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde_json::Value;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

use super::Env;
use super::eval::{arguments, invalid, string_arg};
use super::functions::{Function, HASH_ALGORITHMS};
use super::parse::Call;
use crate::errors::Failure;

/// The longest input, in characters, that the encoding and hash functions accept (AWS
/// documents 10,000). Characters are counted as Java counts them, in UTF-16 code units.
pub const MAX_INPUT_CHARS: usize = 10_000;

/// Standard alphabet, `=` padding written when encoding; when decoding, padding is optional
/// and stray low bits in the last character are ignored, as Java's decoder does.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

pub(super) fn base64_encode(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [data] = arguments(call, env)?;
    let data = limited_string(Function::Base64Encode, &data)?;
    Ok(Value::String(BASE64.encode(data)))
}

pub(super) fn base64_decode(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [data] = arguments(call, env)?;
    let f = Function::Base64Decode;
    let data = limited_string(f, &data)?;
    let bytes = BASE64.decode(data).map_err(|error| invalid(f, format!("the string is not valid base64 ({error})")))?;
    // Java decodes the bytes as UTF-8, replacing malformed sequences with U+FFFD.
    Ok(Value::String(String::from_utf8_lossy(&bytes).into_owned()))
}

pub(super) fn hash(call: &Call, env: &mut dyn Env) -> Result<Value, Failure> {
    let [data, algorithm] = arguments(call, env)?;
    let f = Function::Hash;
    let data = limited_string(f, &data)?.as_bytes();
    let algorithm = string_arg(f, 1, &algorithm)?;
    let digest = match algorithm {
        "MD5" => crate::digest::md5(data).to_vec(),
        "SHA-1" => Sha1::digest(data).to_vec(),
        "SHA-256" => Sha256::digest(data).to_vec(),
        "SHA-384" => Sha384::digest(data).to_vec(),
        "SHA-512" => Sha512::digest(data).to_vec(),
        other => {
            return Err(invalid(
                f,
                format!("the algorithm '{other}' is not supported; use one of {}", HASH_ALGORITHMS.join(", ")),
            ));
        }
    };
    Ok(Value::String(hex(&digest)))
}

/// The first argument as a string of at most [`MAX_INPUT_CHARS`] characters.
fn limited_string(function: Function, value: &Value) -> Result<&str, Failure> {
    let text = string_arg(function, 0, value)?;
    // Only strings near the limit need counting: UTF-16 units never exceed UTF-8 bytes.
    if text.len() > MAX_INPUT_CHARS {
        let units = text.encode_utf16().count();
        if units > MAX_INPUT_CHARS {
            return Err(invalid(
                function,
                format!(
                    "the input string has {units} characters, more than the \
                     {MAX_INPUT_CHARS} allowed"
                ),
            ));
        }
    }
    Ok(text)
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 0xF)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_env::{TestEnv, cause, eval};
    use super::MAX_INPUT_CHARS;
    use serde_json::json;

    fn ok(text: &str) -> serde_json::Value {
        eval(text).unwrap_or_else(|failure| panic!("{text}: {failure}"))
    }

    #[test]
    fn base64_round_trips_utf8() {
        assert_eq!(ok("States.Base64Encode('Data to encode')"), json!("RGF0YSB0byBlbmNvZGU="));
        assert_eq!(ok("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"), json!("Data to encode"));
        assert_eq!(ok("States.Base64Encode('é')"), json!("w6k="));
        assert_eq!(ok("States.Base64Decode('w6k')"), json!("é"));
        assert_eq!(ok("States.Base64Encode('')"), json!(""));
        assert!(
            cause("States.Base64Decode('not base64!')")
                .starts_with("Invalid arguments in States.Base64Decode: the string is not valid base64")
        );
        // Bytes that are not UTF-8 decode to replacement characters, as Java decodes them.
        assert_eq!(ok("States.Base64Decode('/w==')"), json!("\u{FFFD}"));
    }

    #[test]
    fn inputs_are_limited_to_ten_thousand_characters() {
        let at_limit = "é".repeat(MAX_INPUT_CHARS);
        let over = "a".repeat(MAX_INPUT_CHARS + 1);
        let mut env = TestEnv::new(json!({"ok": at_limit, "over": over}));
        assert!(env.eval("States.Base64Encode($.ok)").is_ok());
        assert!(env.eval("States.Hash($.ok, 'MD5')").is_ok());
        for call in ["States.Base64Encode($.over)", "States.Base64Decode($.over)", "States.Hash($.over, 'SHA-1')"] {
            let failure = env.eval(call).expect_err(call);
            assert!(
                failure
                    .cause
                    .unwrap_or_default()
                    .ends_with("the input string has 10001 characters, more than the 10000 allowed"),
                "{call}"
            );
        }
    }

    #[test]
    fn hashes_in_lower_case_hex() {
        let cases = [
            ("MD5", "900150983cd24fb0d6963f7d28e17f72"),
            ("SHA-1", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            ("SHA-256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "SHA-384",
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
            ),
            (
                "SHA-512",
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            ),
        ];
        for (algorithm, digest) in cases {
            assert_eq!(ok(&format!("States.Hash('abc', '{algorithm}')")), json!(digest));
        }
        let mut env = TestEnv::new(json!({"alg": "sha256"}));
        let failure = env.eval("States.Hash('abc', $.alg)").expect_err("unknown algorithm");
        assert_eq!(
            failure.cause.as_deref(),
            Some(
                "Invalid arguments in States.Hash: the algorithm 'sha256' is not supported; use \
                 one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"
            )
        );
        assert!(cause("States.Hash(States.Array(), 'MD5')").contains("must be a string"));
    }
}
