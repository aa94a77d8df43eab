class arith
{
    void run()
    {
        x = 1 + 2 * 3;
        x = (1 + 2) * 3;
        x = 10 - 4 - 3;                 // left to right
        x = 0-3;                        // the original's negative numbers
        x = -3;
        x = -x;
        x = - -x;
        x = +x;
        x = 7 % 3 / 2;
        x = 1 << 4 >> 2 >>> 1;
        x = a | b ^ c & d;
        x = ~x & 0xff;
        x = (a + b) & c;
        x = a * -b;
        x = -5.toString();
        x = -(5);
    }
};
