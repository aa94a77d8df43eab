// .phantom.wasm.TrapException: a call into a WebAssembly module trapped
// (the message names the trap, the function and the offset), or the
// module called exit.  After a trap the module can be called again.
package .phantom.wasm;

class TrapException extends .phantom.Exception
{
    void TrapException() { }
    void TrapException(var message) { super.Exception(message); }
};
