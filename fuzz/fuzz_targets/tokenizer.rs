//! Fuzz target: arbitrary bytes, decoded lossily as UTF-8 with newlines normalized as the decoder
//! does, through the tokenizer. It must return, and its tokens must stay inside the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use protopy_compiler::text::LineIndex;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let tokens = protopy_compiler::tokenizer::tokenize(&text, &LineIndex::new(&text));
    let len = text.len() as u32;
    for t in &tokens.tokens {
        assert!(
            t.range.start <= t.range.end && t.range.end <= len,
            "token {t:?} outside 0..{len}"
        );
    }
});
