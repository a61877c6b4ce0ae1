/// libFuzzer's entry point: the bytes go through ``runCheckPath(_:fileName:)``, which must never crash, trap or
/// hang, and whose outcome must keep every promise of ``brokenPromise(of:)``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let outcome = runCheckPath(Array(UnsafeBufferPointer(start: data, count: size)))
    if let broken = brokenPromise(of: outcome) { fatalError("broken promise: \(broken)") }
    return 0
}
