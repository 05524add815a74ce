//! protopy's front end: source decoding (PEP 263), tokenizer, parser and the AST of CPython 3.14.
//! Mirrors CPython's `Parser/` directory and the `ast` module's node set (`Parser/Python.asdl`).

pub mod ast;
pub mod bytecode;
pub mod codegen;
pub mod error;
pub mod finally_check;
pub mod ident;
pub mod literals;
pub mod parser;
pub mod pystr;
pub mod source;
pub mod symtable;
pub mod text;
pub mod tokenizer;

pub use error::{ErrorKind, SyntaxError};

/// Parses decoded source text (what `ast.parse(str)` takes) into a module.
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    parser::parse_module(source)
}

/// Parses source bytes as a file's contents: BOM and PEP 263 coding declarations are honoured,
/// exactly like `compile(bytes, path, "exec", ast.PyCF_ONLY_AST)`.
pub fn parse_module_bytes(bytes: &[u8]) -> Result<ast::Module, SyntaxError> {
    let text = source::decode_source(bytes)?;
    parser::parse_module(&text)
}

/// Decodes, parses and dumps a source file as `ast.dump(ast.parse(bytes), include_attributes=...)`.
pub fn dump_source_bytes(bytes: &[u8], include_attributes: bool) -> Result<String, SyntaxError> {
    let text = source::decode_source(bytes)?;
    let module = parser::parse_module(&text)?;
    Ok(ast::dump::dump_module(
        &module,
        &text::LineIndex::new(&text),
        include_attributes,
    ))
}

/// Compiles decoded source text to the module's code object (CPython's
/// `compile(source, filename, "exec")`): parse, symbol tables, code generation.
pub fn compile_module(source: &str, filename: &str) -> Result<bytecode::CodeObject, SyntaxError> {
    let module = parser::parse_module(source)?;
    codegen::compile(&module, source, filename)
}

/// Compiles source bytes as a file's contents, decoded like [`parse_module_bytes`].
pub fn compile_module_bytes(
    bytes: &[u8],
    filename: &str,
) -> Result<bytecode::CodeObject, SyntaxError> {
    let text = source::decode_source(bytes)?;
    compile_module(&text, filename)
}
