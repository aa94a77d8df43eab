// The original entry without the boot argument: run() on a new instance.
class helper { static string tag() { return "helper"; } };

class entry_run_noarg
{
    void run() { println("run() called; " + helper.tag()); }
};
