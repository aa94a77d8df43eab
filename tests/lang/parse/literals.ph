class literals
{
    void run()
    {
        i = 0; i = 42; i = 2147483647; i = -2147483648;
        i = 0x0; i = 0xff; i = 0xFFFFFFFF; i = 0x7fffffff; i = 0xFF000000;
        l = 0L; l = 42l; l = 9223372036854775807L; l = -9223372036854775808L; l = 0xFFFFFFFFFFFFFFFFL;
        f = 1.5f; f = 0.1f; f = 3F; f = 1e3f;
        d = 1.5; d = 0.1; d = 1e10; d = 2.5E-3; d = 6.02e+23; d = 3d; d = 1.0D;
        c = 'a'; c = '\n'; c = '\''; c = '\\'; c = '\u00e9'; c = 'é'; c = '\x41'; c = '\0';
        s = ""; s = "plain"; s = "tab\there"; s = "quote \" and backslash \\";
        s = "line\nfeed\rreturn\\0nul"; s = "\x41\u00e9é"; s = "\b\f";
        b = true; b = false; o = null;
    }
};
