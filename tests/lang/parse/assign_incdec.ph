class assign
{
    void run()
    {
        a = 1;
        a = b = c = 0;                  // right to left
        a += 1; a -= 1; a *= 2; a /= 2; a %= 3;
        a &= 1; a |= 2; a ^= 3;
        a <<= 1; a >>= 1; a >>>= 1;
        a++; a--; ++a; --a;
        arr[i]++;
        ++arr[i + 1];
        this.count += 2;
        o.f().g = 3;
        (a) = 4;
        x = a++ + ++b;
        x = a-- - --b;
        arr[i] = arr[j] = null;
    }
};
