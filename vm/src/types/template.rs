//! `string.templatelib.Template` and `Interpolation`, the values of t-strings (PEP 750;
//! CPython's Objects/templateobject.c and Objects/interpolationobject.c), and the
//! `BUILD_INTERPOLATION`/`BUILD_TEMPLATE` opcodes that make them.
//! https://docs.python.org/3.14/library/string.templatelib.html

use protopy_objects::{Trace, Tracer, Value};

use super::{Args, Getter, NativeMethod, Setter};
use crate::protocols;
use crate::runtime::Ty;
use crate::thread::{PyResult, Vm};

/// A `Template`: `strings` has one more item than `interpolations` (both tuples).
pub struct Template {
    pub strings: Value,
    pub interpolations: Value,
}

impl Trace for Template {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.strings);
        t.visit(self.interpolations);
    }
}

/// An `Interpolation`: the value, its source text, the conversion (None or `'s'`, `'r'`,
/// `'a'`) and the format spec (a str).
pub struct Interpolation {
    pub value: Value,
    pub expression: Value,
    pub conversion: Value,
    pub format_spec: Value,
}

impl Trace for Interpolation {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.value);
        t.visit(self.expression);
        t.visit(self.conversion);
        t.visit(self.format_spec);
    }
}

/// `BUILD_INTERPOLATION arg`: pops `[format_spec]`, `expression`, `value`.
pub fn build_interpolation(vm: &mut Vm, arg: u32) -> crate::eval::Step {
    let has_spec = arg & 1 == 1;
    let n = 2 + usize::from(has_spec);
    let value = vm.f().peek(n);
    let expression = vm.f().peek(n - 1);
    let format_spec = if has_spec {
        vm.f().peek(1)
    } else {
        vm.intern("")?
    };
    let conversion = match arg >> 2 {
        1 => vm.intern("s")?,
        2 => vm.intern("r")?,
        3 => vm.intern("a")?,
        _ => Value::NONE,
    };
    let i = vm.new_opaque(
        Ty::Interpolation,
        Interpolation {
            value,
            expression,
            conversion,
            format_spec,
        },
    )?;
    crate::ops::replace_top(vm, n, i)
}

/// `BUILD_TEMPLATE`: pops `interpolations`, `strings`.
pub fn build_template(vm: &mut Vm) -> crate::eval::Step {
    let (strings, interpolations) = (vm.f().peek(2), vm.f().peek(1));
    let t = vm.new_opaque(
        Ty::Template,
        Template {
            strings,
            interpolations,
        },
    )?;
    crate::ops::replace_top(vm, 2, t)
}

fn template(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    match vm.opaque::<Template>(v) {
        Some(t) => Ok((t.strings, t.interpolations)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'string.templatelib.Template' object but received a '{t}'"
            )))
        }
    }
}

fn items(vm: &Vm, tuple: Value) -> Vec<Value> {
    vm.tuple_items(tuple)
        .map(<[Value]>::to_vec)
        .unwrap_or_default()
}

/// `Template(*args)`: strings and interpolations in any order; neighbouring strings join.
fn template_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("Template.__new__ only accepts *args arguments"));
    }
    let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
    let mut interps = Vec::new();
    for &a in &args.pos[1..] {
        if let Some(s) = vm.str_data(a) {
            let b = s.as_bytes().to_vec();
            if let Some(last) = strings.last_mut() {
                last.extend_from_slice(&b);
            }
        } else if vm.opaque::<Interpolation>(a).is_some() {
            interps.push(a);
            strings.push(Vec::new());
        } else {
            let t = vm.type_name(a);
            return Err(vm.type_error(&format!(
                "Template.__new__ *args need to be of type 'str' or 'Interpolation', got {t}"
            )));
        }
    }
    make(vm, strings, interps)
}

/// A new Template from the strings' data and the interpolations.
fn make(vm: &mut Vm, strings: Vec<Vec<u8>>, interps: Vec<Value>) -> PyResult<Value> {
    let mark = vm.temps.len();
    vm.temps.extend_from_slice(&interps);
    let r = (|| {
        let mut svals = Vec::with_capacity(strings.len());
        for s in strings {
            let v = super::str::new_from_bytes(vm, s)?;
            vm.temps.push(v);
            svals.push(v);
        }
        let st = vm.new_tuple(svals)?;
        vm.temps.push(st);
        let it = vm.new_tuple(interps)?;
        vm.temps.push(it);
        vm.new_opaque(
            Ty::Template,
            Template {
                strings: st,
                interpolations: it,
            },
        )
    })();
    vm.temps.truncate(mark);
    r
}

fn get_strings(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(template(vm, v)?.0)
}

fn get_interpolations(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(template(vm, v)?.1)
}

fn get_values(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (_, it) = template(vm, v)?;
    let vals: Vec<Value> = items(vm, it)
        .into_iter()
        .filter_map(|i| vm.opaque::<Interpolation>(i).map(|i| i.value))
        .collect();
    vm.new_tuple(vals)
}

/// The non-empty strings and the interpolations, in order.
fn parts(vm: &Vm, v: Value) -> Vec<Value> {
    let Some(t) = vm.opaque::<Template>(v) else {
        return Vec::new();
    };
    let (ss, is) = (items(vm, t.strings), items(vm, t.interpolations));
    let mut out = Vec::new();
    for (k, s) in ss.into_iter().enumerate() {
        if vm.str_data(s).is_some_and(|d| !d.is_empty()) {
            out.push(s);
        }
        if let Some(&i) = is.get(k) {
            out.push(i);
        }
    }
    out
}

fn template_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__iter__", 0, 0)?;
    template(vm, args.pos[0])?;
    iter_parts(vm, args.pos[0])
}

/// `iter(template)`: an iterator over its non-empty strings and its interpolations.
pub fn iter_parts(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = parts(vm, v);
    let t = vm.new_tuple(items)?;
    vm.temps.push(t);
    let r = vm.new_opaque(Ty::TupleIterator, super::iter::SeqIter::new(t));
    vm.temps.pop();
    r
}

/// `a + b` when either is a Template (None: not supported).
pub fn add(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Value>> {
    if vm.opaque::<Template>(a).is_some() {
        return template_add(vm, Args::new(vec![a, b])).map(Some);
    }
    if vm.str_data(a).is_some() {
        return template_radd(vm, Args::new(vec![b, a])).map(Some);
    }
    Ok(None)
}

/// `Template + Template`.
fn template_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__add__", 1, 1)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    template(vm, a)?;
    if vm.opaque::<Template>(b).is_none() {
        let t = vm.type_name(b);
        return Err(vm.type_error(&format!(
            "can only concatenate string.templatelib.Template (not \"{t}\") to \
             string.templatelib.Template"
        )));
    }
    concat(vm, a, b)
}

fn template_radd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check_method(vm, "__radd__", 1, 1)?;
    let t = vm.type_name(args.pos[1]);
    Err(vm.type_error(&format!(
        "can only concatenate str (not \"string.templatelib.Template\") to {t}"
    )))
}

fn concat(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (sa, ia) = template(vm, a)?;
    let (sb, ib) = template(vm, b)?;
    let data = |vm: &Vm, s: Value| {
        vm.str_data(s)
            .map(|d| d.as_bytes().to_vec())
            .unwrap_or_default()
    };
    let mut strings: Vec<Vec<u8>> = items(vm, sa).into_iter().map(|s| data(vm, s)).collect();
    let more: Vec<Vec<u8>> = items(vm, sb).into_iter().map(|s| data(vm, s)).collect();
    let mut more = more.into_iter();
    if let (Some(last), Some(first)) = (strings.last_mut(), more.next()) {
        last.extend_from_slice(&first);
    }
    strings.extend(more);
    let mut interps = items(vm, ia);
    interps.extend(items(vm, ib));
    make(vm, strings, interps)
}

fn template_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, i) = template(vm, args.pos[0])?;
    let s = protocols::repr::repr(vm, s)?;
    let i = protocols::repr::repr(vm, i)?;
    vm.new_str(&format!("Template(strings={s}, interpolations={i})"))
}

/// `Interpolation(value, expression='', conversion=None, format_spec='')`.
fn interpolation_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let params = super::argbind::Params {
        func: "Interpolation",
        names: &["value", "expression", "conversion", "format_spec"],
        posonly: 0,
        required: 1,
    };
    let a = params.bind(vm, &args, true)?;
    let value = a[0].unwrap_or(Value::NONE);
    let expression = match a[1] {
        Some(e) => e,
        None => vm.intern("")?,
    };
    let conversion = a[2].unwrap_or(Value::NONE);
    if !conversion.is_none() {
        let ok = vm
            .rust_str(conversion)
            .is_some_and(|c| matches!(c.as_str(), "s" | "r" | "a"));
        if !ok {
            return Err(vm.value_error(
                "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
            ));
        }
    }
    let format_spec = match a[3] {
        Some(f) => f,
        None => vm.intern("")?,
    };
    for (v, what) in [(expression, "expression"), (format_spec, "format_spec")] {
        if vm.str_data(v).is_none() {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!(
                "Interpolation() argument '{what}' must be str, not {t}"
            )));
        }
    }
    vm.new_opaque(
        Ty::Interpolation,
        Interpolation {
            value,
            expression,
            conversion,
            format_spec,
        },
    )
}

fn field(vm: &mut Vm, v: Value, pick: fn(&Interpolation) -> Value) -> PyResult<Value> {
    match vm.opaque::<Interpolation>(v) {
        Some(i) => Ok(pick(i)),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor requires a 'string.templatelib.Interpolation' object but received a '{t}'"
            )))
        }
    }
}

fn get_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    field(vm, v, |i| i.value)
}

fn get_expression(vm: &mut Vm, v: Value) -> PyResult<Value> {
    field(vm, v, |i| i.expression)
}

fn get_conversion(vm: &mut Vm, v: Value) -> PyResult<Value> {
    field(vm, v, |i| i.conversion)
}

fn get_format_spec(vm: &mut Vm, v: Value) -> PyResult<Value> {
    field(vm, v, |i| i.format_spec)
}

fn interpolation_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos[0];
    let mut parts = Vec::new();
    for get in [get_value, get_expression, get_conversion, get_format_spec] {
        let x = get(vm, v)?;
        parts.push(protocols::repr::repr(vm, x)?);
    }
    vm.new_str(&format!("Interpolation({})", parts.join(", ")))
}

pub const TEMPLATE_METHODS: &[NativeMethod] = &[
    super::sm("__new__", template_new, ""),
    super::m("__add__", template_add, "($self, value, /)"),
    super::m("__iter__", template_iter, "($self, /)"),
    super::m("__radd__", template_radd, "($self, value, /)"),
    super::m("__repr__", template_repr, "($self, /)"),
];

pub const TEMPLATE_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("interpolations", get_interpolations, None),
    ("strings", get_strings, None),
    ("values", get_values, None),
];

pub const INTERPOLATION_METHODS: &[NativeMethod] = &[
    super::sm("__new__", interpolation_new, ""),
    super::m("__repr__", interpolation_repr, "($self, /)"),
];

pub const INTERPOLATION_GETSETS: &[(&str, Getter, Option<Setter>)] = &[
    ("conversion", get_conversion, None),
    ("expression", get_expression, None),
    ("format_spec", get_format_spec, None),
    ("value", get_value, None),
];
