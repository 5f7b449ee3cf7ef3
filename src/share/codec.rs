//! A link's data: bytes raw-deflated and written in base64url (no padding), and back with a cap
//! on how far they may expand. In the page the browser does it (CompressionStream, through
//! `js/link-codec.js`), which keeps a compressor out of the wasm; natively, for the tests,
//! miniz_oxide does the same.

use super::LinkError;

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::LinkError;

    #[wasm_bindgen(module = "/js/link-codec.js")]
    extern "C" {
        #[wasm_bindgen(js_name = packLink)]
        fn pack_link(text: &str) -> js_sys::Promise;
        #[wasm_bindgen(js_name = unpackLink)]
        fn unpack_link(data: &str, limit: f64) -> js_sys::Promise;
    }

    pub async fn pack(json: &str) -> String {
        JsFuture::from(pack_link(json)).await.ok().and_then(|v| v.as_string()).unwrap_or_default()
    }

    pub async fn unpack(data: &str, limit: usize) -> Result<String, LinkError> {
        match JsFuture::from(unpack_link(data, limit as f64)).await {
            Ok(v) => v.as_string().ok_or_else(|| LinkError::Damaged("its data is not text".into())),
            Err(e) => {
                let kind = js_sys::Reflect::get(&e, &"kind".into()).ok().and_then(|k| k.as_string());
                let message = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
                Err(match kind.as_deref() {
                    Some("too-large") => LinkError::TooLarge,
                    _ => LinkError::Damaged(message.unwrap_or_else(|| "it does not decompress".into())),
                })
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::LinkError;

    pub async fn pack(json: &str) -> String {
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10))
    }

    pub async fn unpack(data: &str, limit: usize) -> Result<String, LinkError> {
        let packed = URL_SAFE_NO_PAD.decode(data).map_err(|_| LinkError::Damaged("it is not base64url".into()))?;
        let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, limit).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Damaged("its data does not decompress".into()),
        })?;
        String::from_utf8(bytes).map_err(|_| LinkError::Damaged("its data is not text".into()))
    }
}

/// `json` compressed into a link's data.
pub async fn pack(json: &str) -> String {
    imp::pack(json).await
}

/// A link's data back to its text, expanding to at most `limit` bytes.
pub async fn unpack(data: &str, limit: usize) -> Result<String, LinkError> {
    imp::unpack(data, limit).await
}
