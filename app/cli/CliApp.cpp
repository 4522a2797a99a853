#include "CliApp.h"

#include "CliContext.h"
#include "CliDocs.h"
#include "CliHelp.h"
#include "services/AuthService.h"
#include "core/DeviceFlow.h"
#include "core/Duration.h"
#include "core/Json.h"
#include "core/Logging.h"
#include "services/Services.h"
#include "net/AuthApi.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace {

const char *kClientId = "pikku-admin";

QJsonObject userJson(const AuthUser &u)
{
    return u.toJson();
}

QString humanTime(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
}

} // namespace

CliApp::CliApp(Services *services, QStringList arguments, QObject *parent)
    : QObject(parent), m_services(services), m_arguments(std::move(arguments))
{
}

CliApp::~CliApp() = default;

QStringList CliApp::commands()
{
    return CliHelp::topLevelCommands();
}

bool CliApp::isCliInvocation(const QStringList &arguments)
{
    // Options that take a value, so their value is not mistaken for a command.
    static const QStringList valued = CliHelp::valuedOptionNames() + QStringList{QStringLiteral("--screenshot")};
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("--help-all")
            || a == QLatin1String("--version") || a == QLatin1String("-v") || a == QLatin1String("help"))
            return true;
        if (valued.contains(a)) {
            ++i;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')))
            continue;
        return true;   // the first positional argument is a command (unknown ones get a usage error)
    }
    return false;
}

void CliApp::done(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(code);
}

int CliApp::parse()
{
    // Help is written from the command table (CliHelp), not by QCommandLineParser: that one shows the
    // full path of the binary and every option of every command in one list.
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions(CliHelp::parserOptions());
    const CliOutput early(m_arguments.contains(QStringLiteral("--json")));
    if (!m_parser.parse(m_arguments)) {
        early.error(m_parser.errorText() + QStringLiteral(" (see '%1 --help')").arg(CliHelp::programName()), QStringLiteral("USAGE"));
        return ExitUsage;
    }
    QStringList pos = m_parser.positionalArguments();
    const bool helpWord = pos.value(0) == QLatin1String("help");
    if (helpWord || m_parser.isSet(QStringLiteral("help")) || m_parser.isSet(QStringLiteral("help-all"))) {
        if (helpWord)
            pos.removeFirst();
        if (pos.isEmpty()) {
            early.result(CliHelp::globalHelp());
            return ExitOk;
        }
        const QString path = CliHelp::resolve(pos);
        if (path.isEmpty()) {
            early.error(QStringLiteral("no command '%1' (see '%2 --help')").arg(pos.first(), CliHelp::programName()), QStringLiteral("USAGE"));
            return ExitUsage;
        }
        early.result(CliHelp::commandHelp(path));
        return ExitOk;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        early.result(QStringLiteral("%1 " PIKKU_ADMIN_VERSION).arg(CliHelp::programName()));
        return ExitOk;
    }
    m_out = std::make_unique<CliOutput>(m_parser.isSet(QStringLiteral("json")));
    m_command = pos.value(0);
    m_rest = pos.mid(1);
    if (!commands().contains(m_command)) {
        m_out->error(QStringLiteral("unknown command '%1' (see '%2 --help')").arg(m_command, CliHelp::programName()), QStringLiteral("USAGE"));
        return ExitUsage;
    }
    int used = 0;
    const QString path = CliHelp::resolve(pos, &used);
    if (CliHelp::isGroup(path)) {
        // `keys` alone, or `keys frobnicate`: what it can do, in a few lines.
        m_out->error(pos.size() == 1 ? QStringLiteral("'%1' needs a subcommand").arg(path)
                                     : QStringLiteral("'%1' has no subcommand '%2'").arg(path, pos.at(1)),
                     QStringLiteral("USAGE"));
        m_out->hint(CliHelp::subcommandList(path));
        return ExitUsage;
    }
    const CliHelp::CommandSpec *spec = CliHelp::find(path);
    const QStringList args = pos.mid(used);
    // "ID..." in the usage: positionals is the least number of them, and there is no most.
    const bool many = CliHelp::takesMany(*spec);
    if (many ? args.size() < spec->positionals : args.size() != spec->positionals) {
        m_out->error(args.size() > spec->positionals
                         ? QStringLiteral("'%1' does not take %2").arg(path, args.mid(spec->positionals).join(QLatin1Char(' ')))
                         : QStringLiteral("'%1' needs %2").arg(path, spec->arguments.section(QLatin1Char(' '), 0, 0)),
                     QStringLiteral("USAGE"));
        m_out->hint(CliHelp::usageLine(path) + QStringLiteral("\n(see '%1 help %2')").arg(CliHelp::programName(), path));
        return ExitUsage;
    }
    for (const QString &name : m_parser.optionNames()) {
        if (!CliHelp::takesOption(path, name)) {
            m_out->error(QStringLiteral("'%1' does not take --%2 (see '%3 help %1')").arg(path, name, CliHelp::programName()), QStringLiteral("USAGE"));
            return ExitUsage;
        }
    }
    if (m_parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("console.*.info=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("console.*.info=false\nconsole.*.warning=false"));
    m_services->http()->setHttp2Allowed(!m_parser.isSet(QStringLiteral("no-http2")));
    return -1;
}

void CliApp::start()
{
    QTimer::singleShot(0, this, [this] {
        const int code = parse();
        if (code >= 0) {
            done(code);
            return;
        }
        if (m_command == QLatin1String("completion")) {
            const QString script = CliDocs::completion(m_rest.value(0));
            if (script.isEmpty()) {
                m_out->error(QStringLiteral("completion takes bash, zsh or fish, not '%1'").arg(m_rest.value(0)), QStringLiteral("USAGE"));
                done(ExitUsage);
                return;
            }
            std::fwrite(script.toUtf8().constData(), 1, size_t(script.toUtf8().size()), stdout);   // our own text, verbatim
            done(ExitOk);
            return;
        }
        if (m_command == QLatin1String("man")) {
            const QByteArray page = CliDocs::manPage().toUtf8();
            std::fwrite(page.constData(), 1, size_t(page.size()), stdout);
            done(ExitOk);
            return;
        }
        if (m_command == QLatin1String("servers") || m_command == QLatin1String("status")) {
            runCommand(ServerEndpoint{});   // the saved servers themselves, no endpoint to resolve
            return;
        }
        resolveEndpoint([this](const ServerEndpoint &endpoint) {
            if (m_command == QLatin1String("login"))
                cmdLogin(endpoint);
            else if (m_command == QLatin1String("whoami"))
                cmdWhoami(endpoint);
            else if (m_command == QLatin1String("logout"))
                cmdLogout(endpoint);
            else
                runCommand(endpoint);
        });
    });
}

void CliApp::resolveEndpoint(std::function<void(ServerEndpoint)> next)
{
    QString url = m_parser.value(QStringLiteral("server"));
    if (url.isEmpty())
        url = qEnvironmentVariable("PIKKU_ADMIN_SERVER");
    ServerProfiles &profiles = m_services->profiles();
    ServerProfile profile = url.isEmpty() ? profiles.current() : profiles.find(url).value_or(ServerProfile{});
    if (!url.isEmpty() && profile.url.isEmpty())
        profile.url = url;
    QString why;
    const QUrl parsed = ServerUrl::parse(profile.url, &why);
    if (!parsed.isValid()) {
        m_out->error(why, QStringLiteral("USAGE"));
        done(ExitUsage);
        return;
    }
    profile.url = ServerUrl::normalize(profile.url);
    if (m_parser.isSet(QStringLiteral("allow-insecure-http")))
        profile.allowInsecureHttp = true;
    const ApiError policy = ServerUrl::checkTransport(parsed, profile.allowInsecureHttp);
    if (policy.isError()) {
        m_out->error(policy.userMessage(), QStringLiteral("USAGE"));
        done(ExitUsage);
        return;
    }
    if (m_parser.isSet(QStringLiteral("auth-path")))
        profile.authPath = ServerUrl::normalizeAuthPath(m_parser.value(QStringLiteral("auth-path")));
    if (!profile.authPath.isEmpty()) {
        next(profile.endpoint());
        return;
    }
    AuthApi::detectAuthPath(m_services->http(), QUrl(profile.url), profile.allowInsecureHttp, this,
                            [this, profile, next](Result<QString> r) mutable {
                                if (!r.ok()) {
                                    done(m_out->fail(r.error(), QStringLiteral("cannot find better-auth on %1").arg(profile.url)));
                                    return;
                                }
                                profile.authPath = r.value();
                                qCInfo(lcCli) << "detected auth path" << profile.authPath;
                                next(profile.endpoint());
                            });
}

void CliApp::cmdLogin(const ServerEndpoint &endpoint)
{
    m_api = std::make_unique<AuthApi>(m_services->http(), endpoint);
    m_flow = new DeviceFlow(m_api.get(), m_services->clock(), QString::fromLatin1(kClientId), {}, this);
    connect(m_flow, &DeviceFlow::codeReady, this, [this, endpoint](const DeviceCode &c) {
        const QString complete = c.verificationUriComplete.isEmpty() ? c.verificationUri : c.verificationUriComplete;
        if (m_out->json()) {
            m_out->printJson({{QStringLiteral("event"), QStringLiteral("code")},
                              {QStringLiteral("userCode"), c.userCode},
                              {QStringLiteral("verificationUri"), c.verificationUri},
                              {QStringLiteral("verificationUriComplete"), complete},
                              {QStringLiteral("expiresIn"), c.expiresIn},
                              {QStringLiteral("interval"), c.interval}});
        }
        // Outside input: only an http(s) URL is shown and opened, one on another origin never automatically.
        const ServerUrl::BrowserUrl browser = ServerUrl::checkBrowserUrl(complete, endpoint.baseUrl);
        if (!browser.openable) {
            m_out->warn(browser.problem);
            m_out->info(QStringLiteral("Confirm this code on the server's device page: %1\n(expires %2)\nWaiting for approval…")
                            .arg(c.displayUserCode(), humanTime(m_flow->expiresAt())));
            return;
        }
        if (!browser.sameOrigin)
            m_out->warn(browser.problem);
        m_out->info(QStringLiteral("To finish signing in, open: %1\nAnd confirm this code: %2\n(expires %3)\nWaiting for approval…")
                        .arg(browser.url.toString(), c.displayUserCode(), humanTime(m_flow->expiresAt())));
        if (!m_parser.isSet(QStringLiteral("no-browser")) && browser.sameOrigin)
            openBrowser(browser.url.toString());
    });
    connect(m_flow, &DeviceFlow::intervalChanged, this, [this](int s) {
        m_out->info(QStringLiteral("The server asked to slow down; polling every %1 s.").arg(s));
    });
    connect(m_flow, &DeviceFlow::pollProblem, this, [this](const ApiError &e) {
        m_out->warn(QStringLiteral("%1 Still waiting…").arg(e.userMessage()));
    });
    connect(m_flow, &DeviceFlow::ended, this, [this, endpoint](DeviceFlow::State s, const QString &message) {
        if (s == DeviceFlow::State::Denied || s == DeviceFlow::State::Expired) {
            m_out->error(message, s == DeviceFlow::State::Denied ? QStringLiteral("access_denied") : QStringLiteral("expired_token"));
            done(ExitDeviceDenied);
            return;
        }
        if (s != DeviceFlow::State::SignedIn) {
            const ApiError &e = m_flow->lastError();
            m_out->error(message, e.serverCode.isEmpty() ? e.kindName().toUpper().replace(QLatin1Char('-'), QLatin1Char('_')) : e.serverCode,
                         e.httpStatus);
            done(m_flow->lastError().kind == ApiError::Kind::Unauthorized ? ExitNotSignedIn : ExitFailure);
            return;
        }
        m_services->auth()->completeSignIn(endpoint, m_flow->accessToken(), this, [this, endpoint](Result<SignInOutcome> r) {
            if (!r.ok()) {
                done(m_out->fail(r.error(), QStringLiteral("signed in, but the session could not be read")));
                return;
            }
            const SignInOutcome &o = r.value();
            ServerProfile profile = m_services->profiles().find(endpoint.key()).value_or(ServerProfile{});
            profile.url = endpoint.key();
            profile.authPath = endpoint.authPath;
            profile.allowInsecureHttp = endpoint.allowInsecureHttp;
            m_services->profiles().save(profile);
            m_services->profiles().setCurrent(endpoint.key());
            if (!o.persisted)
                m_out->warn(QStringLiteral("Sign-in won't be remembered: no usable system keychain (%1).").arg(o.keychainError));
            if (m_out->json()) {
                m_out->printJson({{QStringLiteral("event"), QStringLiteral("signed-in")},
                                  {QStringLiteral("user"), userJson(o.info.user)},
                                  {QStringLiteral("expiresAt"), toIsoString(o.info.expiresAt)}});
            } else {
                m_out->info(QStringLiteral("✓ Signed in as %1 on %2\nSession expires %3%4")
                                .arg(CliOutput::plain(o.info.user.displayName()), endpoint.key(), humanTime(o.info.expiresAt),
                                     o.persisted ? QStringLiteral("\nSaved in the system keychain.") : QString()));
            }
            done(ExitOk);
        });
    });
    m_flow->start();
}

void CliApp::cmdWhoami(const ServerEndpoint &endpoint)
{
    m_services->auth()->restore(endpoint, this, [this, endpoint](Result<SessionInfo> r) {
        if (!r.ok()) {
            const ApiError &e = r.error();
            if (e.kind == ApiError::Kind::Unauthorized) {
                m_out->error(e.displayText(), e.serverCode.isEmpty() ? QStringLiteral("UNAUTHORIZED") : e.serverCode, e.httpStatus);
                m_out->hint(QStringLiteral("Run `pikku-admin login --server %1` to sign in.").arg(endpoint.key()));
                done(ExitNotSignedIn);
                return;
            }
            done(m_out->fail(e, QStringLiteral("cannot check the session")));
            return;
        }
        const SessionInfo &s = r.value();
        if (m_out->json()) {
            m_out->printJson({{QStringLiteral("server"), endpoint.key()},
                              {QStringLiteral("user"), userJson(s.user)},
                              {QStringLiteral("expiresAt"), toIsoString(s.expiresAt)}});
        } else {
            const qint64 left = m_services->clock()->now().secsTo(s.expiresAt);
            m_out->result(QStringLiteral("%1 (%2%3) on %4\nSession expires %5 (%6)")
                              .arg(CliOutput::plain(s.user.displayName()), CliOutput::plain(s.user.name.isEmpty() ? s.user.id : s.user.name),
                                   s.user.role.isEmpty() ? QString() : QStringLiteral(", role ") + CliOutput::plain(s.user.role),
                                   endpoint.key(), humanTime(s.expiresAt), formatRelative(left)));
        }
        done(ExitOk);
    });
}

void CliApp::cmdLogout(const ServerEndpoint &endpoint)
{
    m_services->auth()->logout(endpoint, this, [this, endpoint](const LogoutOutcome &o) {
        if (!o.wasSignedIn && !o.keychainCleared) {
            // The keychain could not be read: whether a session is saved is unknown, so nothing was signed out.
            if (m_out->json())
                m_out->printJson({{QStringLiteral("signedOut"), false}, {QStringLiteral("serverRevoked"), false},
                                  {QStringLiteral("error"), QStringLiteral("keychain-unavailable")}});
            m_out->error(QStringLiteral("Cannot sign out of %1: the system keychain is not available (%2).")
                             .arg(endpoint.key(), o.keychainError), QStringLiteral("KEYCHAIN_UNAVAILABLE"));
            done(ExitFailure);
            return;
        }
        if (!o.wasSignedIn) {
            if (m_out->json())
                m_out->printJson({{QStringLiteral("signedOut"), true}, {QStringLiteral("serverRevoked"), false},
                                  {QStringLiteral("wasSignedIn"), false}});
            m_out->info(QStringLiteral("Not signed in to %1.").arg(endpoint.key()));
            done(ExitOk);
            return;
        }
        if (m_out->json())
            m_out->printJson({{QStringLiteral("signedOut"), o.keychainCleared},
                              {QStringLiteral("serverRevoked"), o.serverRevoked}});
        if (!o.keychainCleared)
            m_out->warn(QStringLiteral("The keychain entry could not be deleted: %1").arg(o.keychainError));
        if (!o.serverRevoked) {
            m_out->warn(QStringLiteral("The server could not be told (%1); the server session may still be valid until it expires.")
                            .arg(o.serverError.userMessage()));
            done(ExitFailure);
            return;
        }
        m_out->info(QStringLiteral("Signed out of %1; the server session is revoked.").arg(endpoint.key()));
        done(o.keychainCleared ? ExitOk : ExitFailure);
    });
}

void CliApp::openBrowser(const QString &url)
{
    const QString opener = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
    const bool headless = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (opener.isEmpty() || headless) {
        m_out->info(QStringLiteral("(No browser available here; open the URL above on any device.)"));
        return;
    }
    if (!QProcess::startDetached(opener, {url}))
        m_out->info(QStringLiteral("(Could not open a browser; open the URL above yourself.)"));
}

void CliApp::runCommand(const ServerEndpoint &endpoint)
{
    m_context = std::make_unique<CliContext>();
    m_context->services = m_services;
    m_context->parser = &m_parser;
    m_context->out = m_out.get();
    m_context->owner = this;
    m_context->args = m_rest;
    m_context->endpoint = endpoint;
    m_context->done = [this](int code) { done(code); };
    if (m_command == QLatin1String("device"))
        CliCommands::device(*m_context);
    else if (m_command == QLatin1String("sessions"))
        CliCommands::sessions(*m_context);
    else if (m_command == QLatin1String("channel"))
        CliCommands::channel(*m_context);
    else if (m_command == QLatin1String("users"))
        CliCommands::users(*m_context);
    else if (m_command == QLatin1String("keys"))
        CliCommands::keys(*m_context);
    else if (m_command == QLatin1String("servers"))
        CliCommands::servers(*m_context);
    else if (m_command == QLatin1String("status"))
        CliCommands::status(*m_context);
    else if (m_command == QLatin1String("audit"))
        CliCommands::audit(*m_context);
}
