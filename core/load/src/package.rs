//! One package directory, classified file by file as `go/build.(*Context).Import` does
//! for the go command, with the go command's error texts (`cmd/go/internal/load`).

use buildtags::name::{extension, is_test_file};
use buildtags::select::{Rule, Selection, select};
use target::context::Context;

use crate::header;

/// A package error, as `go list -json` prints it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackageError {
    pub import_stack: Vec<String>,
    /// `file:line:col` relative to the working directory, or empty.
    pub pos: String,
    pub err: String,
    /// An import that resolves to no package: reported in `DepsErrors`, but not
    /// fatal to `go list`.
    pub unresolved_import: bool,
    /// Print the stack even with a position (`use of internal package`).
    pub always_print_stack: bool,
    /// An import cycle: for each package on the stack after the first, the file
    /// its import is in, which the message names (`imports P from a.go`).
    pub cycle_from: Vec<String>,
}

impl PackageError {
    /// The one-line form the go command prints without `-e`
    /// (`(*PackageError).Error`).
    pub fn message(&self) -> String {
        if !self.pos.is_empty() && (self.import_stack.is_empty() || !self.always_print_stack) {
            return format!("{}: {}", self.pos, self.err);
        }
        if self.import_stack.is_empty() {
            return self.err.clone();
        }
        let stack: Vec<String> = self
            .import_stack
            .iter()
            .enumerate()
            .map(|(i, p)| match i.checked_sub(1).and_then(|i| self.cycle_from.get(i)) {
                Some(file) => format!("{p} from {file}"),
                None => p.clone(),
            })
            .collect();
        let pos = if self.pos.is_empty() { String::new() } else { format!("\n\t{}", self.pos) };
        format!("package {}{pos}: {}", stack.join("\n\timports "), self.err)
    }
}

/// Where a file went, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileClass {
    Go,
    Cgo,
    Test,
    XTest,
    /// Excluded by a constraint (name, header), by `import "C"` with cgo off, or as
    /// `package documentation`.
    Ignored,
    Invalid,
    /// A non-Go source file used or ignored (`.s`, `.c`, …).
    Other {
        used: bool,
    },
    /// Not considered at all (hidden name, unknown extension).
    Skipped,
}

/// The verdict for one file of a package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    pub name: String,
    pub class: FileClass,
    pub selection: Selection,
    /// A reason beyond the constraint rules: `import "C"` with cgo disabled, package
    /// documentation, a read or parse error.
    pub note: Option<String>,
}

/// A loaded package: the fields of `go list` that crossplay reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Package {
    pub dir: String,
    pub import_path: String,
    pub name: String,
    pub incomplete: bool,
    pub go_files: Vec<String>,
    pub cgo_files: Vec<String>,
    pub ignored_go_files: Vec<String>,
    pub invalid_go_files: Vec<String>,
    pub ignored_other_files: Vec<String>,
    pub s_files: Vec<String>,
    pub imports: Vec<String>,
    pub error: Option<PackageError>,
    pub deps_errors: Vec<PackageError>,
    pub test_go_files: Vec<String>,
    pub test_imports: Vec<String>,
    pub xtest_go_files: Vec<String>,
    pub xtest_imports: Vec<String>,
    /// Every file of the directory with its verdict, in name order.
    pub files: Vec<FileReport>,
    /// Import positions (`file:line:col`, working-directory relative) of each import
    /// in `imports`, for errors found in dependencies.
    pub import_pos: Vec<(String, String)>,
}

impl Package {
    /// Whether the package has Go files to build (`NoGoError` otherwise).
    fn has_go_files(&self) -> bool {
        !(self.go_files.is_empty()
            && self.cgo_files.is_empty()
            && self.test_go_files.is_empty()
            && self.xtest_go_files.is_empty())
    }
}

/// The directory being loaded.
#[derive(Debug)]
pub struct Dir<'a> {
    /// Absolute directory, for messages.
    pub abs: &'a str,
    /// The directory relative to the working directory, for positions (`a/b.go:1:1`);
    /// empty for the working directory itself.
    pub short: &'a str,
    pub import_path: &'a str,
    /// The files of the directory (name, contents), sorted by name.
    pub files: Vec<(&'a str, &'a [u8])>,
}

fn strip_bom(content: &[u8]) -> &[u8] {
    content.strip_prefix(b"\xef\xbb\xbf").unwrap_or(content)
}

/// Loads one package directory for `ctx`.
pub fn import_dir(dir: &Dir<'_>, ctx: &Context) -> Package {
    let mut p =
        Package { dir: dir.abs.to_owned(), import_path: dir.import_path.to_owned(), ..Package::default() };
    let mut bad_go_error: Option<PackageError> = None;
    let mut first_file = String::new();
    let mut s_files = Vec::new();
    let mut imports: Vec<(String, String)> = Vec::new();
    let mut test_imports: Vec<String> = Vec::new();
    let mut xtest_imports: Vec<String> = Vec::new();
    let short =
        |name: &str| if dir.short.is_empty() { name.to_owned() } else { format!("{}/{name}", dir.short) };
    let plain_error = |err: String| PackageError {
        import_stack: Vec::new(),
        pos: String::new(),
        err,
        unresolved_import: false,
        ..Default::default()
    };

    for &(name, raw) in &dir.files {
        let content = strip_bom(raw);
        let selection = select(name, content, ctx);
        let ext = extension(name);
        let mut report =
            FileReport { name: name.to_owned(), class: FileClass::Skipped, selection, note: None };
        let mut bad = |p: &mut Package, report: &mut FileReport, err: PackageError| {
            report.class = FileClass::Invalid;
            report.note = Some(err.message());
            if bad_go_error.is_none() {
                bad_go_error = Some(err);
            }
            if !p.invalid_go_files.iter().any(|f| f == name) {
                p.invalid_go_files.push(name.to_owned());
            }
        };
        match &report.selection.rule {
            Rule::Hidden | Rule::NotSource => {
                p.files.push(report);
                continue;
            }
            Rule::FileName(_) | Rule::Header { .. } | Rule::Invalid { .. } => {}
        }
        // A file whose name matches is read before its constraint is looked at: a NUL
        // byte in the part the go command reads fails the read.
        let go_header = (ext == ".go" && !matches!(report.selection.rule, Rule::FileName(_)))
            .then(|| header::read(content));
        if let Some((h, _)) = &go_header
            && content[..h.read_len].contains(&0)
        {
            let err = plain_error(format!("read {}/{name}: {}", dir.abs, header::ERR_NUL));
            bad(&mut p, &mut report, err);
            p.files.push(report);
            continue;
        }
        if let Rule::Invalid { error, .. } = &report.selection.rule {
            if ext == ".go" {
                let err = plain_error(format!("{name}: {error}"));
                bad(&mut p, &mut report, err);
            } else {
                // A non-Go file with a malformed constraint is listed as ignored.
                p.ignored_other_files.push(name.to_owned());
                report.class = FileClass::Other { used: false };
            }
            p.files.push(report);
            continue;
        }
        if !report.selection.matched {
            if ext == ".go" {
                p.ignored_go_files.push(name.to_owned());
                report.class = FileClass::Ignored;
            } else {
                p.ignored_other_files.push(name.to_owned());
                report.class = FileClass::Other { used: false };
            }
            p.files.push(report);
            continue;
        }
        if ext != ".go" {
            if ext == ".S" || ext == ".sx" {
                s_files.push(name.to_owned());
                report.class = FileClass::Other { used: false };
            } else {
                if ext == ".s" {
                    p.s_files.push(name.to_owned());
                }
                report.class = FileClass::Other { used: true };
            }
            p.files.push(report);
            continue;
        }
        // go/build keeps going after a syntax error with the partial header.
        let (header, syntax_error) = go_header.unwrap_or_default();
        if let Some(e) = syntax_error {
            let err = PackageError {
                import_stack: vec![dir.import_path.to_owned()],
                pos: format!("{}:{}:{}", short(name), e.line, e.col),
                err: e.message,
                unresolved_import: false,
                ..Default::default()
            };
            bad(&mut p, &mut report, err);
        }
        let mut pkg = header.package.clone();
        if pkg == "documentation" {
            p.ignored_go_files.push(name.to_owned());
            report.class = FileClass::Ignored;
            report.note = Some("package documentation is always ignored".into());
            p.files.push(report);
            continue;
        }
        let is_test = is_test_file(name);
        let mut is_xtest = false;
        if is_test && pkg.ends_with("_test") && p.name != pkg {
            is_xtest = true;
            pkg.truncate(pkg.len() - "_test".len());
        }
        if p.name.is_empty() {
            p.name = pkg.clone();
            first_file = name.to_owned();
        } else if pkg != p.name {
            let err = plain_error(format!(
                "found packages {} ({first_file}) and {pkg} ({name}) in {}",
                p.name, dir.abs
            ));
            bad(&mut p, &mut report, err);
        }
        let mut is_cgo = false;
        for imp in &header.imports {
            if imp.path == "C" {
                if is_test {
                    let err = plain_error(format!("use of cgo in test {}/{name} not supported", dir.abs));
                    bad(&mut p, &mut report, err);
                    continue;
                }
                is_cgo = true;
            }
        }
        let invalid = report.class == FileClass::Invalid;
        let positions = |list: &mut Vec<(String, String)>| {
            for imp in &header.imports {
                list.push((imp.path.clone(), format!("{}:{}:{}", short(name), imp.line, imp.col)));
            }
        };
        if is_cgo {
            if ctx.cgo_enabled {
                p.cgo_files.push(name.to_owned());
                positions(&mut imports);
                if !invalid {
                    report.class = FileClass::Cgo;
                    report.note = Some("imports \"C\", and cgo is enabled (CGO_ENABLED=1)".into());
                }
            } else {
                p.ignored_go_files.push(name.to_owned());
                if !invalid {
                    report.class = FileClass::Ignored;
                    report.note = Some("imports \"C\", and cgo is disabled (CGO_ENABLED=0)".into());
                }
            }
        } else if is_xtest {
            p.xtest_go_files.push(name.to_owned());
            xtest_imports.extend(header.imports.iter().map(|i| i.path.clone()));
            if !invalid {
                report.class = FileClass::XTest;
            }
        } else if is_test {
            p.test_go_files.push(name.to_owned());
            test_imports.extend(header.imports.iter().map(|i| i.path.clone()));
            if !invalid {
                report.class = FileClass::Test;
            }
        } else {
            p.go_files.push(name.to_owned());
            positions(&mut imports);
            if !invalid {
                report.class = FileClass::Go;
            }
        }
        p.files.push(report);
    }

    let sorted = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        v
    };
    p.imports = sorted(imports.iter().map(|(path, _)| path.clone()).collect());
    p.import_pos = imports;
    p.test_imports = sorted(test_imports);
    p.xtest_imports = sorted(xtest_imports);
    if !p.cgo_files.is_empty() {
        p.s_files.extend(s_files);
        p.s_files.sort();
    } else {
        p.ignored_other_files.extend(s_files);
        p.ignored_other_files.sort();
    }
    for report in &mut p.files {
        if report.class == (FileClass::Other { used: false }) && p.s_files.contains(&report.name) {
            report.class = FileClass::Other { used: true };
        }
    }

    if let Some(err) = bad_go_error {
        p.error = Some(err);
    } else if !p.has_go_files() {
        // cmd/go's NoGoError: the wording depends on what was found.
        let err = if !p.ignored_go_files.is_empty() {
            format!("build constraints exclude all Go files in {}", dir.abs)
        } else if !p.test_go_files.is_empty() || !p.xtest_go_files.is_empty() {
            format!("no non-test Go files in {}", dir.abs)
        } else {
            format!("no Go files in {}", dir.abs)
        };
        p.error = Some(PackageError {
            import_stack: vec![dir.import_path.to_owned()],
            pos: String::new(),
            err,
            unresolved_import: false,
            ..Default::default()
        });
    } else if let Some((a, b)) = fold_dup(&p) {
        p.error = Some(PackageError {
            import_stack: vec![dir.import_path.to_owned()],
            pos: String::new(),
            err: format!(
                "case-insensitive file name collision: {} and {}",
                target::archvar::go_quote(&a),
                target::archvar::go_quote(&b)
            ),
            unresolved_import: false,
            ..Default::default()
        });
    }
    // cmd/go's load: C, C++, Objective-C and Fortran sources need cgo or SWIG files.
    // With cgo off the first three are dropped (as files importing "C" are) before
    // the check; Fortran sources are not.
    let uses_swig = ctx.cgo_enabled
        && p.files.iter().any(|f| {
            f.class == FileClass::Other { used: true } && matches!(extension(&f.name), ".swig" | ".swigcxx")
        });
    if p.error.is_none() && p.cgo_files.is_empty() && !uses_swig {
        let kinds: [(&str, &[&str], bool); 4] = [
            ("C", &[".c"], ctx.cgo_enabled && ctx.compiler == "gc"),
            ("C++", &[".cc", ".cpp", ".cxx"], ctx.cgo_enabled),
            ("Objective-C", &[".m"], ctx.cgo_enabled),
            ("Fortran", &[".f", ".F", ".for", ".f90"], true),
        ];
        for (lang, exts, checked) in kinds {
            if !checked {
                continue;
            }
            let used: Vec<&str> = p
                .files
                .iter()
                .filter(|f| f.class == FileClass::Other { used: true } && exts.contains(&extension(&f.name)))
                .map(|f| f.name.as_str())
                .collect();
            if !used.is_empty() {
                p.error = Some(PackageError {
                    import_stack: vec![dir.import_path.to_owned()],
                    pos: String::new(),
                    err: format!(
                        "{lang} source files not allowed when not using cgo or SWIG: {}",
                        used.join(" ")
                    ),
                    unresolved_import: false,
                    ..Default::default()
                });
                break;
            }
        }
    }
    p.incomplete = p.error.is_some();
    p
}

/// `str.FoldDup` over the package's files (build-excluded ones included): the first
/// pair of names equal under Unicode simple case folding.
fn fold_dup(p: &Package) -> Option<(String, String)> {
    let mut names: Vec<&str> =
        p.files.iter().filter(|f| f.class != FileClass::Skipped).map(|f| f.name.as_str()).collect();
    names.sort();
    let mut seen: Vec<(String, &str)> = Vec::new();
    for name in names {
        let folded: String = name.chars().flat_map(char::to_lowercase).collect();
        if let Some((_, other)) = seen.iter().find(|(f, _)| *f == folded) {
            let (a, b) = if *other < name { (*other, name) } else { (name, *other) };
            return Some((a.to_owned(), b.to_owned()));
        }
        seen.push((folded, name));
    }
    None
}
