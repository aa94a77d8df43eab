// .internal.connection with the original's tmr: and stt: back ends, used
// as the original shell and demos use them: block(null, ms) to sleep, a
// one-shot timer calling back method [17] with the time, and stt:
// counters (their values vary; only their ranges are shown).
package .test.orig;

class ticker
{
    var calls : int;
    var when : int;
    void tick( var time @const ) [17]
    {
        calls = calls + 1;
        when = time;
    }
};

class orig_connection_timer
{
    void run( var boot @const )
    {
        var tmr;
        var cb : ticker;
        tmr = new .internal.connection();
        boot.16( tmr.8( "tmr:" ) ); boot.16( "\n" );              // connect: 0

        var t0 : long;
        t0 = .internal.time.nowMillis();
        tmr.13( null, 200 );                                       // block: sleeps 200 ms
        boot.16( .internal.time.nowMillis() - t0 >= 200 ); boot.16( "\n" );

        cb = new ticker();
        boot.16( tmr.12( cb, 17 ) ); boot.16( " " );               // setCallback: none before
        boot.16( tmr.11( 100, 0 ) ); boot.16( " " );               // invoke: armed
        boot.16( tmr.11( 100, 1 ) ); boot.16( "\n" );              // another op: EINVAL (22)
        boot.16( cb.calls ); boot.16( " " );                       // not yet
        tmr.13( null, 400 );
        boot.16( cb.calls ); boot.16( " " );                       // called once
        boot.16( cb.when > 1700000000 ); boot.16( "\n" );

        var stt;
        stt = new .internal.connection();
        boot.16( stt.8( "stt:" ) ); boot.16( " " );
        boot.16( stt.13( 0, 2 ) >= 1 ); boot.16( " " );           // counter 0 (threads), total
        var idle : int;
        idle = stt.13( 0, 5 );                                     // CPU idle percent
        boot.16( idle >= 0 && idle <= 100 ); boot.16( " " );
        boot.16( stt.13( 99, 2 ) ); boot.16( "\n" );               // no such counter: -1
    }
};
