extension BoundArguments {
    /// `int(name, default:)`, but an undefined argument is the undefined error rather than a
    /// type error, so the message names the missing variable.
    func integer(_ name: String, default fallback: Int) throws(TemplateError) -> Int {
        try self[name]?.requireDefined()
        return try int(name, default: fallback)
    }
}
