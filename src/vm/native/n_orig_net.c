/*
 * n_orig_net.c - the original Phantom's network classes, for programs
 * written for it: .internal.tcp (curl), .internal.udp, .internal.net
 * (resolve), .internal.http (get), and the generic
 * .internal.connection with its udp: and url: back ends
 * (docs/INTERNAL-CLASSES.md, "The original network classes").
 *
 * Ordinals are the original's.  Where the original threw "not
 * implemented" or crashed, these do what its declarations promise, on the
 * same sockets as .internal.net (netio.c): output commit, restart
 * semantics and all.
 */
#include <string.h>

#include "../netio.h"
#include "n_connection.h"
#include "native.h"

#define CURL_BODY_MAX (100u << 10)   /* .internal.tcp.curl keeps 100 KiB */
#define URL_BODY_MAX (4u << 10)      /* connection url: keeps 4 KiB */
#define CURL_ARG_MAX 1024u

/* ---- .internal.tcp --------------------------------------------------------------- */

static int curl_args(pv_vm *vm, pv_value url, pv_value headers, const char *fn, struct pv_string **u,
                     struct pv_string **h)
{
    *u = pv_arg_string(vm, url, fn, 1);
    *h = *u ? pv_arg_string(vm, headers, fn, 2) : NULL;
    if (!*h)
        return PV_NTHROW;
    if ((*u)->len > CURL_ARG_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "URL too long");
    if ((*h)->len > CURL_ARG_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "HTTP headers too long");
    return PV_NOK;
}

/* A GET as curl does (fn names the method in errors). */
static int curl_get(pv_vm *vm, pv_value url_arg, pv_value headers_arg, const char *fn, pv_value *ret)
{
    struct pv_string *url, *headers;
    if (curl_args(vm, url_arg, headers_arg, fn, &url, &headers))
        return PV_NTHROW;
    return pv_net_curl(vm, url, headers, CURL_BODY_MAX, ret);
}

static int tcp_curl(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return curl_get(vm, args[1], args[2], "curl", ret);
}

static int tcp_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "tcp socket"));
}

static const pv_native_method tcp_methods[] = {
    {"toString", "()*", 5, 0, tcp_tostring},
    {"curl", "(*,*)*", 24, 0, tcp_curl},
};

const pv_native_class pv_nc_tcp = {
    ".internal.tcp", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, tcp_methods, PV_COUNTOF(tcp_methods),
};

/* ---- .internal.net and .internal.http --------------------------------------------- */

/* The original's were stubs whose method 16 threw "not implemented" and
 * that no program used.  Here .internal.net's resolve(name) [16] looks the
 * name up (as .internal.net.dns.lookup: an array of address strings, IPv4
 * first, or a network code; the thread waits and the lookup is issued
 * again after a restart), and .internal.http's get(url) [16] is a GET as
 * curl does, without extra headers. */
static int net_resolve(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *name = pv_arg_string(vm, args[1], "resolve", 1);
    return name ? pv_net_lookup(vm, name, ret) : PV_NTHROW;
}

static int net_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "net"));
}

static const pv_native_method net_methods[] = {
    {"toString", "()*", 5, 0, net_tostring},
    {"resolve", "(*)*", 16, 0, net_resolve},
};

const pv_native_class pv_nc_orig_net = {
    ".internal.net", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, net_methods, PV_COUNTOF(net_methods),
};

static int http_get(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *none = pv_str_cstr(vm, "");
    return none ? curl_get(vm, args[1], pv_from_ptr(none), "get", ret) : pv_throw_oom(vm);
}

static int http_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "http"));
}

static const pv_native_method http_methods[] = {
    {"toString", "()*", 5, 0, http_tostring},
    {"get", "(*)*", 16, 0, http_get},
};

const pv_native_class pv_nc_orig_http = {
    ".internal.http", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, http_methods, PV_COUNTOF(http_methods),
};

/* ---- .internal.udp ---------------------------------------------------------------- */

/* The original declares recvFrom(addr : int) and sendTo(addr : int, data)
 * with nothing else to say where: the int is a port.  recvFrom(port)
 * receives on that port (binding it on the first call), sendTo(port, data)
 * sends to that port on 127.0.0.1; sendTo also takes "host:port". */

static int udp_ensure_bound(pv_vm *vm, pv_value self, int32_t port, pv_value *ret)
{
    struct pv_native_obj *o = pv_as_ptr(self);
    int32_t st = pv_is_int(o->w[NW_STATE]) ? pv_as_int(o->w[NW_STATE]) & 0xff : NS_NEW;
    if (st == NS_BOUND)
        return PV_NOK;
    struct pv_string *any = pv_str_cstr(vm, "");
    if (!any)
        return pv_throw_oom(vm);
    pv_net_udp_bind(vm, self, any, port, ret);
    return PV_NOK;
}

static int udp_bind(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t port;
    if (!pv_arg_int(vm, args[1], "bind", 1, &port))
        return PV_NTHROW;
    struct pv_string *any = pv_str_cstr(vm, "");
    if (!any)
        return pv_throw_oom(vm);
    return pv_net_udp_bind(vm, args[0], any, port, ret);
}

static int udp_recv_from(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t port;
    if (!pv_arg_int(vm, args[1], "recvFrom", 1, &port))
        return PV_NTHROW;
    *ret = pv_int(0);
    if (udp_ensure_bound(vm, args[0], port, ret))
        return PV_NTHROW;
    if (*ret != pv_int(0))
        return PV_NOK;   /* could not bind: the code */
    return pv_net_recvfrom(vm, args[0], PV_IO_NET_RECVTEXT, 65536, ret);
}

static int udp_send_to(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *data = pv_arg_string(vm, args[2], "sendTo", 2);
    if (!data)
        return PV_NTHROW;
    char host[128] = "127.0.0.1";
    int32_t port;
    if (pv_is_int(args[1])) {
        port = pv_as_int(args[1]);
    } else {
        struct pv_string *addr = pv_arg_string(vm, args[1], "sendTo", 1);
        if (!addr)
            return PV_NTHROW;
        const char *colon = strrchr(addr->bytes, ':');
        size_t hl = colon ? (size_t)(colon - addr->bytes) : 0;
        if (!colon || hl >= sizeof host) {
            *ret = pv_int(PV_NET_E_BAD_ADDRESS);
            return PV_NOK;
        }
        memcpy(host, addr->bytes, hl);
        host[hl] = 0;
        const char *why = pv_parse_int(colon + 1, strlen(colon + 1), &port);
        if (why) {
            *ret = pv_int(PV_NET_E_BAD_ADDRESS);
            return PV_NOK;
        }
    }
    *ret = pv_int(0);
    if (udp_ensure_bound(vm, args[0], 0, ret))
        return PV_NTHROW;
    if (*ret != pv_int(0))
        return PV_NOK;
    struct pv_string *h = pv_str_cstr(vm, host);
    if (!h)
        return pv_throw_oom(vm);
    return pv_net_sendto(vm, args[0], h, port, data->bytes, data->len, ret);
}

static int udp_restart(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return pv_net_restart(vm, args[0]);
}

static int udp_close(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return pv_net_close(vm, args[0]);
}

static int udp_port(pv_vm *vm, pv_value *args, pv_value *ret) { return pv_net_peer(vm, args[0], true, ret); }

static const pv_native_method udp_methods[] = {
    {"toString", "()*", 5, 0, tcp_tostring},   /* the original answers with tcp's text */
    {"port", "()*", PV_NO_ORDINAL, 0, udp_port},
    {"bind", "(*)*", 16, 0, udp_bind},
    {"recvFrom", "(*)*", 23, 0, udp_recv_from},
    {"sendTo", "(*,*)*", 25, 0, udp_send_to},
    {"close", "()void", PV_NO_ORDINAL, 0, udp_close},
    {"restart", "()void", PV_NO_ORDINAL, 0, udp_restart},
};

const pv_native_class pv_nc_udp = {
    ".internal.udp", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, udp_methods, PV_COUNTOF(udp_methods),
};

/* ---- .internal.connection ---------------------------------------------------------- *
 *
 * A link to a kernel service named by a string whose first four bytes
 * pick the back end (n_connection.h: its words, errno values, and the
 * back-end table's entries). */


static struct pv_native_obj *cn(pv_value v) { return pv_as_ptr(v); }

/* udp: a UDP endpoint (the text after the prefix is ignored); block(port,
 * 16) binds it.  The endpoint is an .internal.net.udp, which binds itself
 * again at restart. */
static int udp_init(pv_vm *vm, pv_value self, struct pv_string *rest, pv_value *ret)
{
    (void)rest;
    struct pv_class *c = pv_find_class(vm, ".internal.net.udp");
    const char *why;
    pv_value u = c ? pv_new_object(vm, c, &why) : PV_NULL;
    if (u == PV_NULL)
        return pv_throw_oom(vm);
    pv_gc_write(vm, &cn(self)->w[CN_STATE], u);
    *ret = pv_int(0);
    return PV_NOK;
}

static int udp_block(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret)
{
    pv_value u = cn(self)->w[CN_STATE];
    if (!pv_is_obj(u)) {
        *ret = pv_int(-CN_ENOTCONN);
        return PV_NOK;
    }
    if (op != 16) {
        *ret = pv_int(-CN_ENOSYS);
        return PV_NOK;
    }
    int32_t port;
    if (!pv_arg_int(vm, arg, "block", 1, &port))
        return PV_NTHROW;
    struct pv_native_obj *o = pv_as_ptr(u);
    if (pv_is_int(o->w[NW_STATE]) && (pv_as_int(o->w[NW_STATE]) & 0xff) == NS_BOUND) {
        *ret = pv_int(-CN_EISCONN);
        return PV_NOK;
    }
    struct pv_string *any = pv_str_cstr(vm, "");
    if (!any)
        return pv_throw_oom(vm);
    return pv_net_udp_bind(vm, u, any, port, ret);
}

/* url:http://... : block(_, 0) fetches it (HTTP GET, the body, "" on any failure). */
static int url_init(pv_vm *vm, pv_value self, struct pv_string *rest, pv_value *ret)
{
    pv_gc_write(vm, &cn(self)->w[CN_STATE], pv_from_ptr(rest));
    *ret = pv_int(0);
    return PV_NOK;
}

static int url_block(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret)
{
    (void)arg;
    struct pv_string *empty = pv_str_cstr(vm, "");
    if (!empty)
        return pv_throw_oom(vm);
    if (op == 1 || op == 16 || !pv_is_obj(cn(self)->w[CN_STATE])) {
        *ret = pv_from_ptr(empty);
        return PV_NOK;
    }
    return pv_net_curl(vm, pv_as_ptr(cn(self)->w[CN_STATE]), empty, URL_BODY_MAX, ret);
}

int pv_cn_invoke_einval(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret)
{
    (void)vm;
    (void)self;
    (void)arg;
    (void)op;
    *ret = pv_int(CN_EINVAL);
    return PV_NOK;
}

/* udp: closes its endpoint when disconnected. */
static void udp_disconnect(pv_vm *vm, pv_value self)
{
    pv_value st = cn(self)->w[CN_STATE];
    if (pv_is_obj(st) && pv_obj_kind(st) == PV_K_NATIVE)
        pv_net_close(vm, st);
}

static const struct cn_backend udp_backend = {"udp:", udp_init, pv_cn_invoke_einval, udp_block, udp_disconnect};
static const struct cn_backend url_backend = {"url:", url_init, pv_cn_invoke_einval, url_block, NULL};

/* Their index is stored in CN_BACKEND: add at the end only. */
static const struct cn_backend *const backends[] = {&udp_backend, &url_backend, &pv_cn_fio, &pv_cn_tmr, &pv_cn_stt};

static const struct cn_backend *backend_of(pv_value self)
{
    pv_value b = cn(self)->w[CN_BACKEND];
    return pv_is_int(b) && pv_as_int(b) >= 0 && (size_t)pv_as_int(b) < PV_COUNTOF(backends)
               ? backends[pv_as_int(b)] : NULL;
}

/* Runs the back end named by self's stored name. */
static int cn_attach(pv_vm *vm, pv_value self, pv_value *ret)
{
    struct pv_string *name = pv_as_ptr(cn(self)->w[CN_NAME]);
    for (size_t i = 0; name->len >= 4 && i < PV_COUNTOF(backends); i++)
        if (!memcmp(name->bytes, backends[i]->prefix, 4)) {
            const char *colon = memchr(name->bytes, ':', name->len);
            size_t off = (size_t)(colon - name->bytes) + 1;
            struct pv_string *rest = pv_str_new(vm, name->bytes + off, name->len - off);
            if (!rest)
                return pv_throw_oom(vm);
            pv_gc_write(vm, &cn(self)->w[CN_BACKEND], pv_int((int32_t)i));
            return backends[i]->init(vm, self, rest, ret);
        }
    *ret = pv_int(CN_ENOMEM);   /* the original's answer to an unknown prefix */
    return PV_NOK;
}

static int cn_connect(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *name = pv_arg_string(vm, args[1], "connect", 1);
    if (!name)
        return PV_NTHROW;
    if (name->len >= 1024)
        return pv_throw(vm, PV_B_ARG_EXC, "connect: string arg too long");
    pv_gc_write(vm, &cn(args[0])->w[CN_NAME], args[1]);
    pv_gc_write(vm, &cn(args[0])->w[CN_BACKEND], PV_NULL);
    if (cn_attach(vm, args[0], ret))
        return PV_NTHROW;
    if (*ret == pv_int(0) && cn(args[0])->w[CN_LISTED] != PV_TRUE) {
        if (pv_array_push(vm, vm->root->restart, args[0]) < 0)
            return pv_throw_oom(vm);
        pv_gc_write(vm, &cn(args[0])->w[CN_LISTED], PV_TRUE);
    }
    return PV_NOK;
}

static int cn_disconnect(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_value self = args[0];
    const struct cn_backend *b = backend_of(self);
    if (!b) {
        *ret = pv_int(CN_ENXIO);
        return PV_NOK;
    }
    pv_restart_list_remove(vm, self);
    pv_gc_write(vm, &cn(self)->w[CN_LISTED], PV_FALSE);
    if (b->disconnect)
        b->disconnect(vm, self);
    pv_gc_write(vm, &cn(self)->w[CN_STATE], PV_NULL);
    pv_gc_write(vm, &cn(self)->w[CN_BACKEND], PV_NULL);
    *ret = pv_int(0);
    return PV_NOK;
}

static int cn_check(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    (void)args;
    *ret = pv_int(CN_ENXIO);   /* as the original: its wake machinery is compiled out */
    return PV_NOK;
}

static int cn_invoke(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t op;
    if (!pv_arg_int(vm, args[2], "invoke", 2, &op))
        return PV_NTHROW;
    const struct cn_backend *b = backend_of(args[0]);
    if (!b) {
        *ret = pv_int(CN_ENXIO);
        return PV_NOK;
    }
    return b->invoke(vm, args[0], args[1], op, ret);
}

static int cn_set_callback(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t method;
    if (!pv_arg_int(vm, args[2], "setCallback", 2, &method))
        return PV_NTHROW;
    *ret = pv_int(cn(args[0])->w[CN_CALLBACK] != PV_NULL);
    pv_gc_write(vm, &cn(args[0])->w[CN_CALLBACK], args[1]);
    pv_gc_write(vm, &cn(args[0])->w[CN_METHOD], pv_int(method));
    return PV_NOK;
}

/* The original crashes the kernel when block is called before connect;
 * here it raises. */
static int cn_block(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t op;
    if (!pv_arg_int(vm, args[2], "block", 2, &op))
        return PV_NTHROW;
    const struct cn_backend *b = backend_of(args[0]);
    if (!b)
        return pv_throw(vm, PV_B_STATE_EXC, "block: the connection is not connected");
    return b->block(vm, args[0], args[1], op, ret);
}

static int cn_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "(connection)"));
}

/* Reconnects by the stored name, as the original does. */
static int cn_restart(pv_vm *vm, pv_value *args, pv_value *ret)
{
    if (!pv_is_obj(cn(args[0])->w[CN_NAME]))
        return PV_NOK;
    pv_value st = cn(args[0])->w[CN_STATE];
    /* a udp: endpoint restarts itself (bound again if it was); a fio:
     * file is in the world, open where it was */
    if (pv_is_obj(st) && pv_obj_kind(st) == PV_K_NATIVE)
        return PV_NOK;
    return cn_attach(vm, args[0], ret);
}

static const pv_native_method connection_methods[] = {
    {"toString", "()*", 5, 0, cn_tostring},
    {"connect", "(*)*", 8, 0, cn_connect},
    {"disconnect", "()*", 9, 0, cn_disconnect},
    {"check", "(*)*", 10, 0, cn_check},
    {"invoke", "(*,*)*", 11, 0, cn_invoke},
    {"setCallback", "(*,*)*", 12, 0, cn_set_callback},
    {"block", "(*,*)*", 13, 0, cn_block},
    {"restart", "()void", PV_NO_ORDINAL, 0, cn_restart},
};

const pv_native_class pv_nc_connection = {
    ".internal.connection", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, connection_methods,
    PV_COUNTOF(connection_methods),
};
