//! Binding the arguments of a native method to named parameters, with the messages of
//! CPython's Argument Clinic (`_PyArg_UnpackKeywords`, Python/getargs.c).

use protopy_objects::Value;

use super::Args;
use crate::thread::{PyResult, Vm};

/// The parameters of a native method after its receiver: `names` in order, the first
/// `posonly` positional-only, the first `required` required.
pub struct Params<'a> {
    pub func: &'a str,
    pub names: &'a [&'a str],
    pub posonly: usize,
    pub required: usize,
}

impl Params<'_> {
    /// Binds `args` (receiver in `pos[0]`, unless `has_self` is false): one slot per name.
    pub fn bind(&self, vm: &mut Vm, args: &Args, has_self: bool) -> PyResult<Vec<Option<Value>>> {
        let skip = usize::from(has_self);
        let pos = args.pos.get(skip..).unwrap_or(&[]);
        let n = self.names.len();
        let func = self.func;
        if pos.len() > n {
            let msg = if self.required == n {
                let s = if n == 1 { "" } else { "s" };
                format!(
                    "{func}() takes exactly {n} positional argument{s} ({} given)",
                    pos.len()
                )
            } else if n == self.posonly && args.kw.is_empty() {
                format!(
                    "{func} expected at most {n} argument{}, got {}",
                    if n == 1 { "" } else { "s" },
                    pos.len()
                )
            } else {
                format!(
                    "{func}() takes at most {n} argument{} ({} given)",
                    if n == 1 { "" } else { "s" },
                    pos.len() + args.kw.len()
                )
            };
            return Err(vm.type_error(&msg));
        }
        let mut slots: Vec<Option<Value>> = vec![None; n];
        for (i, &v) in pos.iter().enumerate() {
            slots[i] = Some(v);
        }
        for &(k, v) in &args.kw {
            let key = vm.rust_str(k).unwrap_or_default();
            match self.names.iter().position(|&p| p == key) {
                Some(i) if i >= self.posonly => {
                    if slots[i].is_some() {
                        return Err(vm.type_error(&format!(
                            "argument for {func}() given by name ('{key}') and position ({})",
                            i + 1
                        )));
                    }
                    slots[i] = Some(v);
                }
                _ => {
                    if self.posonly == n {
                        return Err(vm.type_error(&format!("{func}() takes no keyword arguments")));
                    }
                    return Err(vm.type_error(&format!(
                        "{func}() got an unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
        for (i, slot) in slots.iter().enumerate().take(self.required) {
            if slot.is_none() {
                let msg = if i < self.posonly {
                    if self.required == n && self.posonly == n {
                        if n == 1 {
                            format!("{func}() takes exactly one argument ({} given)", pos.len())
                        } else {
                            format!("{func} expected {n} arguments, got {}", pos.len())
                        }
                    } else {
                        let s = if self.required == 1 { "" } else { "s" };
                        format!(
                            "{func}() takes at least {} positional argument{s} ({} given)",
                            self.required,
                            pos.len()
                        )
                    }
                } else {
                    format!(
                        "{func}() missing required argument '{}' (pos {})",
                        self.names[i],
                        i + 1
                    )
                };
                return Err(vm.type_error(&msg));
            }
        }
        Ok(slots)
    }
}

/// Binds a method's arguments: `bind(vm, &args, "split", &["sep", "maxsplit"], 0, 0)`.
pub fn bind(
    vm: &mut Vm,
    args: &Args,
    func: &str,
    names: &[&str],
    posonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    Params {
        func,
        names,
        posonly,
        required,
    }
    .bind(vm, args, true)
}
