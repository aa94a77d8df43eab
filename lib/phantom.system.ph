// .phantom.system: the host process a program runs in: its environment
// variables and the exit status of the run.  The program's arguments are
// the array main(var args : string[]) receives (phantom run prog.ph -- a b).
package .phantom;

class system
{
    // The value of the environment variable name, or null if it is not set.
    static string getenv(string name)
    {
        return .internal.process.getenv(name);
    }

    // The value of the environment variable name, or dflt if it is not set.
    static string getenv(string name, string dflt)
    {
        string v = .internal.process.getenv(name);
        if (v == null)
            return dflt;
        return v;
    }

    // The status phantom run exits with when the program ends (0 to 255;
    // ArgumentException otherwise).  An uncaught exception in the main
    // thread still makes it 1.  The program goes on running: return from
    // main to end it.
    static void setExitStatus(int code)
    {
        .internal.process.setExitStatus(code);
    }

    // The status set so far (0 unless setExitStatus was called).
    static int exitStatus()
    {
        return .internal.process.exitStatus();
    }
};
