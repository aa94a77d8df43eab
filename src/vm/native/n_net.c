/*
 * n_net.c - the internal network classes: .internal.net.listener,
 * .internal.net.connection, .internal.net.udp and .internal.net.dns
 * (docs/INTERNAL-CLASSES.md), thin checks over netio.c.
 *
 * A call that fails on the network returns a PV_NET_E_* code (a negative
 * int) instead of raising: .phantom.net turns codes into exceptions.  Only
 * a misuse raises (a wrong argument type, a byte count out of range).
 */
#include <string.h>

#include "../netio.h"
#include "native.h"

/* Bytes to send: a string's or a binary's; else TypeException. */
static bool bytes_of(pv_vm *vm, pv_value v, const char *fn, int argno, const void **p, uint32_t *len)
{
    switch (pv_obj_kind(v)) {
    case PV_K_STRING: {
        struct pv_string *s = pv_as_ptr(v);
        *p = s->bytes;
        *len = s->len;
        return true;
    }
    case PV_K_BINARY: {
        struct pv_binary *b = pv_as_ptr(v);
        *p = b->bytes;
        *len = b->len;
        return true;
    }
    default:
        return pv_wrong_type(vm, v, fn, argno, "string or binary");
    }
}

static int n_host_port(pv_vm *vm, pv_value *args, const char *fn, struct pv_string **host, int32_t *port)
{
    *host = pv_arg_string(vm, args[1], fn, 1);
    return *host && pv_arg_int(vm, args[2], fn, 2, port) ? PV_NOK : PV_NTHROW;
}

static int n_listen(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *host;
    int32_t port;
    if (n_host_port(vm, args, "listen", &host, &port))
        return PV_NTHROW;
    return pv_net_listen(vm, args[0], host, port, ret);
}

static int n_accept(pv_vm *vm, pv_value *args, pv_value *ret) { return pv_net_accept(vm, args[0], ret); }

static int n_connect(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *host;
    int32_t port;
    if (n_host_port(vm, args, "connect", &host, &port))
        return PV_NTHROW;
    return pv_net_connect(vm, args[0], host, port, ret);
}

static int read_op(pv_vm *vm, pv_value *args, pv_value *ret, uint32_t op, const char *fn)
{
    int32_t max;
    if (!pv_arg_int(vm, args[1], fn, 1, &max))
        return PV_NTHROW;
    return pv_net_read(vm, args[0], op, max, ret);
}

static int n_read(pv_vm *vm, pv_value *args, pv_value *ret) { return read_op(vm, args, ret, PV_IO_NET_READ, "read"); }
static int n_read_text(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return read_op(vm, args, ret, PV_IO_NET_READTEXT, "readText");
}
static int n_read_line(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return read_op(vm, args, ret, PV_IO_NET_READLINE, "readLine");
}

static int n_write(pv_vm *vm, pv_value *args, pv_value *ret)
{
    const void *p = NULL;
    uint32_t len = 0;
    if (!bytes_of(vm, args[1], "write", 1, &p, &len))
        return PV_NTHROW;
    return pv_net_write(vm, args[0], p, len, ret);
}

static int n_shutdown_output(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return pv_net_shutdown_output(vm, args[0], ret);
}

static int n_close(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return pv_net_close(vm, args[0]);
}

static int n_host(pv_vm *vm, pv_value *args, pv_value *ret) { return pv_net_peer(vm, args[0], false, ret); }
static int n_port(pv_vm *vm, pv_value *args, pv_value *ret) { return pv_net_peer(vm, args[0], true, ret); }

static struct pv_native_obj *sock(pv_value v) { return pv_as_ptr(v); }

static int n_set_timeout(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    int32_t ms;
    if (!pv_arg_int(vm, args[1], "setTimeout", 1, &ms))
        return PV_NTHROW;
    if (ms < 0)
        return pv_throw(vm, PV_B_ARG_EXC, "setTimeout: %ld ms is negative", (long)ms);
    pv_gc_write(vm, &sock(args[0])->w[NW_TIMEOUT], pv_int(ms));
    return PV_NOK;
}

static int n_timeout(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    pv_value t = sock(args[0])->w[NW_TIMEOUT];
    *ret = pv_is_int(t) ? t : pv_int(0);
    return PV_NOK;
}

static uint32_t state_word(pv_value self)
{
    pv_value v = sock(self)->w[NW_STATE];
    return pv_is_int(v) ? (uint32_t)pv_as_int(v) : 0;
}

/* Output commit on (the default) or off for what is sent from now on; a
 * listener passes its setting to the connections it accepts.  The host
 * side learns it when the socket is opened, so set it before. */
static int n_set_commit(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    if (!pv_is_bool(args[1]))
        return pv_wrong_type(vm, args[1], "setCommit", 1, "bool") ? PV_NOK : PV_NTHROW;
    uint32_t st = state_word(args[0]);
    if ((st & 0xffu) != NS_NEW && (st & 0xffu) != NS_CLOSED)
        return pv_throw(vm, PV_B_STATE_EXC, "setCommit: set it before the socket is opened");
    st = args[1] == PV_TRUE ? st & ~(NF_NO_COMMIT << 8) : st | NF_NO_COMMIT << 8;
    pv_gc_write(vm, &sock(args[0])->w[NW_STATE], pv_int((int32_t)st));
    return PV_NOK;
}

static int n_commit(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = pv_bool(!((state_word(args[0]) >> 8) & NF_NO_COMMIT));
    return PV_NOK;
}

static int n_is_open(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    uint32_t st = state_word(args[0]) & 0xffu;
    *ret = pv_bool(st == NS_OPEN || st == NS_LISTENING || st == NS_BOUND);
    return PV_NOK;
}

static int n_restart(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return pv_net_restart(vm, args[0]);
}

static int n_error_text(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t code;
    if (!pv_arg_int(vm, args[0], "errorText", 1, &code))
        return PV_NTHROW;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, pv_net_error_text(code)));
}

static int n_bind(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *host;
    int32_t port;
    if (n_host_port(vm, args, "bind", &host, &port))
        return PV_NTHROW;
    return pv_net_udp_bind(vm, args[0], host, port, ret);
}

static int n_send_to(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *host;
    int32_t port;
    const void *p = NULL;
    uint32_t len = 0;
    if (n_host_port(vm, args, "sendTo", &host, &port) || !bytes_of(vm, args[3], "sendTo", 3, &p, &len))
        return PV_NTHROW;
    return pv_net_sendto(vm, args[0], host, port, p, len, ret);
}

static int n_recv_from(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t max;
    if (!pv_arg_int(vm, args[1], "recvFrom", 1, &max))
        return PV_NTHROW;
    return pv_net_recvfrom(vm, args[0], PV_IO_NET_RECVFROM, max, ret);
}

static int n_lookup(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *name = pv_arg_string(vm, args[0], "lookup", 1);
    return name ? pv_net_lookup(vm, name, ret) : PV_NTHROW;
}

#define SOCKET_COMMON                                                          \
    {"close", "()void", PV_NO_ORDINAL, 0, n_close},                            \
    {"isOpen", "()*", PV_NO_ORDINAL, 0, n_is_open},                            \
    {"host", "()*", PV_NO_ORDINAL, 0, n_host},                                 \
    {"port", "()*", PV_NO_ORDINAL, 0, n_port},                                 \
    {"setTimeout", "(*)void", PV_NO_ORDINAL, 0, n_set_timeout},                \
    {"timeout", "()*", PV_NO_ORDINAL, 0, n_timeout},                           \
    {"setCommit", "(*)void", PV_NO_ORDINAL, 0, n_set_commit},                  \
    {"commit", "()*", PV_NO_ORDINAL, 0, n_commit},                             \
    {"errorText", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, n_error_text}

static const pv_native_method listener_methods[] = {
    SOCKET_COMMON,
    {"listen", "(*,*)*", PV_NO_ORDINAL, 0, n_listen},
    {"accept", "()*", PV_NO_ORDINAL, 0, n_accept},
    {"restart", "()void", PV_NO_ORDINAL, 0, n_restart},
};

static const pv_native_method connection_methods[] = {
    SOCKET_COMMON,
    {"connect", "(*,*)*", PV_NO_ORDINAL, 0, n_connect},
    {"read", "(*)*", PV_NO_ORDINAL, 0, n_read},
    {"readText", "(*)*", PV_NO_ORDINAL, 0, n_read_text},
    {"readLine", "(*)*", PV_NO_ORDINAL, 0, n_read_line},
    {"write", "(*)*", PV_NO_ORDINAL, 0, n_write},
    {"shutdownOutput", "()*", PV_NO_ORDINAL, 0, n_shutdown_output},
};

static const pv_native_method udp_methods[] = {
    SOCKET_COMMON,
    {"bind", "(*,*)*", PV_NO_ORDINAL, 0, n_bind},
    {"sendTo", "(*,*,*)*", PV_NO_ORDINAL, 0, n_send_to},
    {"recvFrom", "(*)*", PV_NO_ORDINAL, 0, n_recv_from},
    {"restart", "()void", PV_NO_ORDINAL, 0, n_restart},
};

static const pv_native_method dns_methods[] = {
    {"lookup", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, n_lookup},
};

const pv_native_class pv_nc_net_listener = {
    ".internal.net.listener", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, listener_methods, PV_COUNTOF(listener_methods),
};
const pv_native_class pv_nc_net_connection = {
    ".internal.net.connection", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, connection_methods,
    PV_COUNTOF(connection_methods),
};
const pv_native_class pv_nc_net_udp = {
    ".internal.net.udp", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, udp_methods, PV_COUNTOF(udp_methods),
};
const pv_native_class pv_nc_net_dns = {
    ".internal.net.dns", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, dns_methods, PV_COUNTOF(dns_methods),
};
