#include <pthv/remind/message.hpp>

#include <fmt/format.h>
#include <stdexcept>

#include <pthv/remind/render.hpp>
#include <pthv/util/mail.hpp>

namespace pthv::remind {

namespace {

// Letters, digits, '.' and '-' of `text`: a part of a Message-ID.
std::string id_part(std::string_view text)
{
    std::string out;
    for (const char c : text)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')
            out += c;
    return out;
}

// Quoted-printable keeps mostly-ASCII text readable; text mostly in
// another script is shorter in base64.
std::string encode_body(const std::string& text, std::string& encoding)
{
    if (util::is_7bit(text)) {
        encoding = "7bit";
        std::string out;
        for (const char c : text)
            out += c == '\n' ? std::string("\r\n") : std::string(1, c);
        return out;
    }
    std::size_t high = 0;
    for (const char c : text)
        high += static_cast<unsigned char>(c) >= 0x80 ? 1U : 0U;
    if (high * 3 > text.size()) {
        encoding = "base64";
        return util::base64(text, true);
    }
    encoding = "quoted-printable";
    return util::quoted_printable(text);
}

} // namespace

std::string make_message(const model::Repo& repo, const Digest& d, const Options& options, std::time_t now)
{
    const util::Mailbox from = util::parse_mailbox(repo.config.remind.from);
    const model::Staff* to = repo.find(d.person);
    if (!from.ok || !to || to->email.empty())
        throw std::logic_error("remind::make_message without remind.from or the person's email");
    std::string encoding;
    const std::string body = encode_body(render_text(repo, d, options), encoding);
    const std::string domain = from.address.substr(from.address.rfind('@') + 1);
    std::string m;
    m += "From: " + util::format_mailbox(from.name, from.address) + "\r\n";
    m += "To: " + util::format_mailbox(to->name, to->email) + "\r\n";
    m += "Subject: " + util::encode_header_text(subject(repo)) + "\r\n";
    m += "Date: " + util::rfc5322_date(now) + "\r\n";
    m += fmt::format("Message-ID: <pthv-remind.{}.{}.{}@{}>\r\n", id_part(repo.as_of.str()),
                     id_part(repo.id(d.person)), static_cast<long long>(now), domain);
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: " + encoding + "\r\n";
    m += "Auto-Submitted: auto-generated\r\n";
    m += "\r\n" + body;
    return m;
}

std::string local_line_ends(std::string_view message)
{
    std::string out;
    out.reserve(message.size());
    for (std::size_t i = 0; i < message.size(); ++i)
        if (!(message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n'))
            out += message[i];
    return out;
}

} // namespace pthv::remind
